package org.mtcgate.filter.smsc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The SMS-SC's store in memory, for tests of the store and forward. */
final class MemoryHeldSmStore implements HeldSmStore {
    private final Map<SmId, HeldSm> sms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> put(HeldSm sm) {
        sms.put(sm.id(), sm);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<HeldSm> find(SmId id) {
        return Optional.ofNullable(sms.get(id));
    }

    @Override
    public List<HeldSm> unfinished() {
        return sms.values().stream().filter(sm -> !sm.state().finished()).toList();
    }
}

package org.mtcgate.smpp;

import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.HeldSmStore;
import org.mtcgate.filter.smsc.SmId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The SMS-SC's store port held in memory, for a real StoreAndForward in tests. */
final class MemoryStore implements HeldSmStore {
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
        return sms.values().stream().filter(s -> !s.state().finished()).toList();
    }

    List<HeldSm> all() {
        return List.copyOf(sms.values());
    }
}

package org.mtcgate.gba.aka;

import org.mtcgate.gba.Impi;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** AKA subscribers in memory: SEQ_HE does not survive the process (tests, and a lab that wants no files). */
public final class MemoryAkaSubscriberStore implements AkaSubscriberStore {
    private final Map<Impi, AkaCredentials> credentials;
    private final Map<Impi, Long> seq = new ConcurrentHashMap<>();

    public MemoryAkaSubscriberStore(Collection<AkaCredentials> subscribers) {
        this.credentials = subscribers.stream().collect(Collectors.toUnmodifiableMap(AkaCredentials::impi, Function.identity()));
    }

    @Override
    public CompletionStage<Optional<AkaCredentials>> credentials(Impi impi) {
        return CompletableFuture.completedFuture(Optional.ofNullable(credentials.get(impi)));
    }

    @Override
    public CompletionStage<Long> nextSeq(Impi impi, OptionalLong resyncTo) {
        if (!credentials.containsKey(impi)) {
            return CompletableFuture.failedFuture(new UnknownSubscriberException(impi));
        }
        return CompletableFuture.completedFuture(
                seq.compute(impi, (k, current) -> resyncTo.orElse(current == null ? 0 : current) + 1));
    }
}

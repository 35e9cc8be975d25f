package org.mtcgate.t8;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Transactions in memory only: a restart forgets them (tests, and nodes that choose so). */
public final class MemoryTransactionStore implements TransactionStore {
    @Override
    public Map<String, byte[]> recovered() {
        return Map.of();
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] record) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}

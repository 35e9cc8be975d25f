package org.mtcgate.filter.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Records in memory only, for a role that runs without a node's data directory: none survive a restart. */
public final class MemoryRecordStore implements RecordStore {
    private final Map<String, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public Map<String, byte[]> recovered() {
        return Map.copyOf(records);
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] record) {
        records.put(key, record.clone());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        records.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}

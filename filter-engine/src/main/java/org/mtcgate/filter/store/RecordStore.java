package org.mtcgate.filter.store;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where a role keeps records that must outlive a restart: the SCEF's T8 transactions (key
 * {@code <scsAsId>/<transactionId>}), the receipts Tsms owes SMEs (key: the SM's name). Records are opaque to the
 * store (the role encodes them); calls made one after the other are applied in that order. The node's stores are
 * journals in its data directory; {@link MemoryRecordStore} keeps them for one run only.
 */
public interface RecordStore extends AutoCloseable {
    /** What the store holds, by key; read once, when the role starts. */
    Map<String, byte[]> recovered();

    /** Keeps {@code record} under {@code key}; completes once it would survive a crash. */
    CompletionStage<Void> put(String key, byte[] record);

    /** Forgets the record under {@code key}; completes once that would survive a crash. */
    CompletionStage<Void> remove(String key);

    /** Where the records are, for messages to the operator. */
    default String location() {
        return "memory";
    }

    @Override
    void close();
}

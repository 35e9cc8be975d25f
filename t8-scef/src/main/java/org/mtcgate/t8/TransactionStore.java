package org.mtcgate.t8;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where the SCEF keeps its transactions, so that a restart still answers GET, PUT and DELETE for them and still sends
 * their delivery reports. Records are opaque to the store (the SCEF encodes them); a key is
 * {@code <scsAsId>/<transactionId>}. Calls made one after the other are applied in that order.
 */
public interface TransactionStore extends AutoCloseable {
    /** What the store holds, by key; read once, when the SCEF starts. */
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

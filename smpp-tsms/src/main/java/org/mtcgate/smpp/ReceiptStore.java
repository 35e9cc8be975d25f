package org.mtcgate.smpp;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where the receipts SMEs asked for are kept across a restart: a record per SM, written when the SM is taken and when
 * its outcome is known, removed once the receipt went out. The records are {@link DeliveryReceipts}' own, opaque here;
 * the node keeps them in a journal of its data directory.
 */
public interface ReceiptStore extends AutoCloseable {
    /** What the store holds, by key; read once, when the server starts. */
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

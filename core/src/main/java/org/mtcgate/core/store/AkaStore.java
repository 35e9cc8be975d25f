package org.mtcgate.core.store;

import org.mtcgate.gba.aka.AkaSubscriberStore;

/**
 * The HSS's AKA subscribers as the node manages them: the gba port plus closing. Keyed by IMPI and asynchronous,
 * so a store shared by several HSS nodes can implement it (SEQ_HE then advanced atomically in that store).
 */
public interface AkaStore extends AkaSubscriberStore, AutoCloseable {
    @Override
    void close();
}

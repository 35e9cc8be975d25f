package org.mtcgate.core.store;

import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.gba.aka.AkaCredentials;

import java.util.List;

/**
 * What the subscriber file holds: the table S6m and the MTC-IWF answer from, and the AKA credentials (IMPI, K,
 * OPc) of the subscribers that have them, for Zh.
 */
public record SubscriberData(SubscriberTable table, List<AkaCredentials> credentials) {
    public SubscriberData {
        credentials = List.copyOf(credentials);
    }
}

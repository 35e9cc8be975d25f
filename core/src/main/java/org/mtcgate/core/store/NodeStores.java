package org.mtcgate.core.store;

import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.routing.CorrelationStore;
import org.mtcgate.filter.trigger.SubscriberDirectory;

import java.util.Optional;

/**
 * Where the roles keep their state. Roles ask this port and never build a store themselves, so that a
 * distributed implementation (several nodes as one) replaces {@link EmbeddedStores} without touching a role.
 */
public interface NodeStores {
    /**
     * The held triggers of one role, under a name unique in the node ({@code triggers} for the MTC-IWF,
     * {@code smsc} for the SMS-SC). The caller closes it.
     *
     * @param fsync force every commit to the device before it is acknowledged
     */
    HeldTriggerStore triggers(String name, boolean fsync) throws StoreException;

    /** The SCEF's T8 transactions, under a name unique in the node. The caller closes it. */
    org.mtcgate.filter.store.RecordStore t8Transactions(String name, boolean fsync) throws StoreException;

    /** Tsms's delivery receipts owed to SMEs, under a name unique in the node. The caller closes it. */
    org.mtcgate.filter.store.RecordStore tsmsReceipts(String name, boolean fsync) throws StoreException;

    /** The SMS-SC's held SMs, under a name unique in the node. The caller closes it. */
    SmscStore heldSms(String name, boolean fsync) throws StoreException;

    /** The SMS Router's MT correlations, at most {@code capacity} at once. */
    CorrelationStore correlations(int capacity);

    /** The subscriber data the node serves itself (embedded HSS), when configured. */
    Optional<SubscriberDirectory> subscribers();

    /** Where an SM for an MSISDN goes, from the same subscriber data (the SMS-SC's routing without an HLR). */
    Optional<org.mtcgate.filter.smsc.RoutingInfo> routingInfo();

    /**
     * The HSS's AKA subscribers (credentials from the subscriber data, SEQ_HE kept durably under {@code name}),
     * when the subscriber data has any with credentials. The caller closes it.
     */
    Optional<AkaStore> akaSubscribers(String name) throws StoreException;

    /** The BSF's bootstrapping contexts, at most {@code capacity} at once. */
    org.mtcgate.bsf.BootstrapContextStore bootstrapContexts(int capacity);

    /** Rate and quota state of the policy's senders, kept across policy changes. */
    LimiterStore limiters();
}

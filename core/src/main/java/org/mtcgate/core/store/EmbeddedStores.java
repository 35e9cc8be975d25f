package org.mtcgate.core.store;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.routing.CorrelationStore;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.filter.trigger.SubscriberDirectory;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.gba.aka.AkaCredentials;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The stores of a single node: trigger journals under the data directory, correlations and limiter state in
 * memory (both short-lived: a lost correlation makes the SMSC ask again), subscribers from the subscriber file.
 */
public final class EmbeddedStores implements NodeStores {
    private static final Logger LOG = LogManager.getLogger(EmbeddedStores.class);

    private final Path dataDir;
    private final SubscriberTable subscribers;
    private final List<AkaCredentials> credentials;
    private final LimiterRegistry limiters = new LimiterRegistry();

    /** @param subscribers the embedded subscriber data, or null when the node has none */
    public EmbeddedStores(Path dataDir, SubscriberTable subscribers) {
        this(dataDir, subscribers == null ? null : new SubscriberData(subscribers, List.of()));
    }

    /** @param subscribers the embedded subscriber data with its AKA credentials, or null when the node has none */
    public EmbeddedStores(Path dataDir, SubscriberData subscribers) {
        this.dataDir = dataDir;
        this.subscribers = subscribers == null ? null : subscribers.table();
        this.credentials = subscribers == null ? List.of() : subscribers.credentials();
    }

    @Override
    public HeldTriggerStore triggers(String name, boolean fsync) throws StoreException {
        warnOfFormerStore(name);
        try {
            return JournalTriggerStore.open(dataDir.resolve(name), fsync);
        } catch (UncheckedIOException e) {
            throw new StoreException("node.data-dir: " + e.getMessage(), e);
        }
    }

    @Override
    public org.mtcgate.filter.store.RecordStore t8Transactions(String name, boolean fsync) throws StoreException {
        try {
            return JournalRecordStore.open("T8 transactions", dataDir.resolve(name), fsync);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new StoreException("node.data-dir: " + dataDir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public org.mtcgate.filter.store.RecordStore tsmsReceipts(String name, boolean fsync) throws StoreException {
        try {
            return JournalRecordStore.open("Tsms delivery receipts", dataDir.resolve(name), fsync);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new StoreException("node.data-dir: " + dataDir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SmscStore heldSms(String name, boolean fsync) throws StoreException {
        warnOfFormerStore(name);
        try {
            return JournalHeldSmStore.open(dataDir.resolve(name), fsync);
        } catch (UncheckedIOException e) {
            throw new StoreException("node.data-dir: " + e.getMessage(), e);
        }
    }

    private void warnOfFormerStore(String name) {
        Path former = dataDir.resolve(name + ".mv.db");
        if (Files.exists(former)) {
            // Written by an mtcgate before the journal (an MVStore file); not read any more.
            LOG.warn("{} was written by an earlier mtcgate and is not read: what it held is not resumed", former);
        }
    }

    /** In memory: a context lost on a restart makes the UE bootstrap again (its NAF hears the B-TID is unknown). */
    @Override
    public org.mtcgate.bsf.BootstrapContextStore bootstrapContexts(int capacity) {
        return new org.mtcgate.bsf.MemoryBootstrapContextStore(capacity);
    }

    @Override
    public CorrelationStore correlations(int capacity) {
        return new MemoryCorrelationStore(capacity);
    }

    @Override
    public Optional<SubscriberDirectory> subscribers() {
        return Optional.ofNullable(subscribers);
    }

    /** SEQ_HE is forced to the device on every vector: a SQN given out twice is a replayable challenge. */
    @Override
    public Optional<AkaStore> akaSubscribers(String name) throws StoreException {
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JournalAkaStore.open(dataDir.resolve(name), true, credentials));
        } catch (UncheckedIOException e) {
            throw new StoreException("node.data-dir: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<org.mtcgate.filter.smsc.RoutingInfo> routingInfo() {
        return Optional.ofNullable(subscribers).map(SubscriberRouting::new);
    }

    @Override
    public LimiterStore limiters() {
        return limiters;
    }
}

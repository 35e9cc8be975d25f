package org.mtcgate.diameter.s6m;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.filter.trigger.SubscriberDirectory;
import org.mtcgate.filter.trigger.SubscriberLookup;
import org.mtcgate.filter.trigger.UeName;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The MTC-IWF's S6m client (TS 29.336 SIR/SIA, TS 23.682 5.2.1 step 4): asks the HSS, with a SIR, who the UE is
 * and whether this SCS may trigger it; reuses successful answers for a while. The stage always completes
 * normally: a missing or failed SIA becomes a refusal (see {@link SubscriberInformationAnswer}).
 */
public final class S6mSubscriberDirectory implements SubscriberDirectory {
    private static final Logger LOG = LogManager.getLogger(S6mSubscriberDirectory.class);

    private final DiameterNode node;
    private final S6mClientConfig config;
    private final SubscriberCache cache;
    private final AtomicLong sessions = new AtomicLong();
    private final long sessionHigh;
    private final LongAdder sent = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private final ConcurrentHashMap<Key, CompletableFuture<SubscriberLookup>> inFlight = new ConcurrentHashMap<>();

    private record Key(UeName ue, String scsIdentity) {
    }

    public S6mSubscriberDirectory(DiameterNode node, S6mClientConfig config, Clock clock) {
        this.node = node;
        this.config = config;
        this.cache = new SubscriberCache(config.cacheTtl(), config.cacheMaxEntries(), clock);
        this.sessionHigh = clock.millis() / 1000;
    }

    @Override
    public CompletionStage<SubscriberLookup> lookup(UeName ue, String scsIdentity) {
        Optional<SubscriberLookup> cached = cache.get(ue, scsIdentity);
        if (cached.isPresent()) {
            cacheHits.increment();
            return CompletableFuture.completedFuture(cached.get());
        }
        // Lookups of the same (UE, SCS) while a SIR is out share it: a burst of triggers to one UE costs the
        // HSS one request (TS 33.187 6.1 NOTE 3: keep trigger floods off the core).
        Key key = new Key(ue, scsIdentity);
        CompletableFuture<SubscriberLookup> mine = new CompletableFuture<>();
        CompletableFuture<SubscriberLookup> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            joined.increment();
            return running.copy();
        }
        ask(ue, scsIdentity).whenComplete((lookup, err) -> {
            inFlight.remove(key, mine);
            mine.complete(err == null ? lookup : SubscriberInformationAnswer.failed(err));
        });
        return mine.copy();
    }

    private CompletableFuture<SubscriberLookup> ask(UeName ue, String scsIdentity) {
        String origin = node.config().identity().originHost();
        CompletableFuture<SubscriberLookup> answer;
        try {
            sent.increment();
            answer = node.sendRequest(SubscriberInformationRequest.encode(ue, scsIdentity,
                    origin + ";" + sessionHigh + ";s6m" + sessions.incrementAndGet(), config.hssRealm(), config.hssHost()))
                    .thenApply(SubscriberInformationAnswer::decode);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((lookup, err) -> {
            if (err != null) {
                failed.increment();
                SubscriberLookup refused = SubscriberInformationAnswer.failed(err);
                LOG.warn("SIR for {} ({}) got no answer: {}", ue, scsIdentity, refused.reason());
                return refused;
            }
            if (lookup.isFound()) {
                cache.put(ue, scsIdentity, lookup);
                LOG.debug("SIA for {}: IMSI {}", ue, lookup.subscriber().imsi().masked());
            } else {
                LOG.info("SIA for {} ({}): {} ({})", ue, scsIdentity, lookup.refusal(), lookup.reason());
            }
            return lookup;
        });
    }

    /** SIRs sent. */
    public long sentCount() {
        return sent.sum();
    }

    /** Lookups answered from the cache. */
    public long cacheHitCount() {
        return cacheHits.sum();
    }

    /** Lookups that joined a SIR already on its way for the same UE and SCS. */
    public long joinedCount() {
        return joined.sum();
    }

    /** SIRs that got no answer. */
    public long failedCount() {
        return failed.sum();
    }
}

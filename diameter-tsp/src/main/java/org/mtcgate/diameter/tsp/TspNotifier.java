package org.mtcgate.diameter.tsp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.filter.trigger.DeviceNotification;
import org.mtcgate.filter.trigger.DeviceNotifier;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Sends Device-Notification-Requests (TS 29.368 6.2.4) to the SCS that sent a trigger, with the delivery
 * outcome. The SCS is addressed by Destination-Host (its Diameter identity) and its realm. An SCS that is not
 * connected, or does not answer, gets the DNR again once it is connected, after a growing pause, a few times;
 * at most {@link #MAX_WAITING} notifications wait at once, so an SCS that never returns cannot fill the heap.
 */
public final class TspNotifier implements DeviceNotifier {
    private static final Logger LOG = LogManager.getLogger(TspNotifier.class);
    static final int MAX_ATTEMPTS = 6;
    static final int MAX_WAITING = 100_000;

    private final DiameterNode node;
    private final Function<String, String> realmOfScs;
    private final AtomicLong sessionCounter = new AtomicLong();
    private final long sessionHigh = System.currentTimeMillis() / 1000;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final java.time.Duration firstPause;

    /** @param realmOfScs the realm of an SCS identity (from the peer configuration) */
    public TspNotifier(DiameterNode node, Function<String, String> realmOfScs) {
        this(node, realmOfScs, java.time.Duration.ofSeconds(1));
    }

    /** @param firstPause the pause before the first resend; it doubles with each further attempt */
    public TspNotifier(DiameterNode node, Function<String, String> realmOfScs, java.time.Duration firstPause) {
        this.node = node;
        this.realmOfScs = realmOfScs;
        this.firstPause = firstPause;
    }

    @Override
    public void notify(DeviceNotification n) {
        deliver(n, 1);
    }

    private void deliver(DeviceNotification n, int attempt) {
        send(n).whenComplete((rc, err) -> {
            if (err == null || attempt >= MAX_ATTEMPTS) {
                if (err != null) {
                    LOG.warn("DNR for {} ({}) given up after {} attempts", n.trigger(), n.outcome(), attempt);
                }
                return;
            }
            if (waiting.incrementAndGet() > MAX_WAITING) {
                waiting.decrementAndGet();
                LOG.warn("DNR for {} dropped: {} notifications already wait for their SCSs", n.trigger(), MAX_WAITING);
                return;
            }
            long pauseMillis = firstPause.toMillis() << (attempt - 1);
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(pauseMillis, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(x -> node.whenPeerOpen(n.trigger().scsIdentity()))
                    .whenComplete((x, e) -> {
                        waiting.decrementAndGet();
                        deliver(n, attempt + 1);
                    });
        });
    }

    /** Sends the DNR; the stage completes with the DNA's Result-Code, or fails when no answer comes. */
    public CompletableFuture<Long> send(DeviceNotification n) {
        String scs = n.trigger().scsIdentity();
        DiameterMessage dnr = DiameterMessage.request(CommandCodes.DEVICE_NOTIFICATION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(node.config().identity().originHost() + ";" + sessionHigh + ";" + sessionCounter.incrementAndGet()))
                .avp(TspAvps.authApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationHost(scs))
                .avp(BaseAvps.destinationRealm(realmOfScs.apply(scs)))
                .avp(DeviceNotificationAvp.of(n.ue(), null, n.trigger().referenceNumber(), n.actionType().code(), null,
                        n.outcome().code()))
                .build();
        return node.sendRequest(dnr).thenApply(dna -> {
            long rc = dna.avp(AvpCodes.RESULT_CODE).map(a -> a.unsigned32()).orElse(0L);
            sent.increment();
            if (rc != 2001) {
                LOG.warn("DNR for {} answered with Result-Code {}", n.trigger(), rc);
            }
            return rc;
        }).whenComplete((rc, err) -> {
            if (err != null) {
                failed.increment();
                LOG.warn("DNR for {} ({}) not delivered: {}", n.trigger(), n.outcome(), err.getMessage());
            }
        });
    }

    public long sentCount() {
        return sent.sum();
    }

    public long failedCount() {
        return failed.sum();
    }
}

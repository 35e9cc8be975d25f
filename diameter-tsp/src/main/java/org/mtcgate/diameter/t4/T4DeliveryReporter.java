package org.mtcgate.diameter.t4;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.AnswerResult;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeliveryReportListener;
import org.mtcgate.filter.trigger.TriggerId;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SMS-SC's side of the delivery report (TS 29.337 6.2.5/6.2.6): when its engine has finished a trigger
 * taken over T4, this sends a DRR to the MTC-IWF that submitted it (Destination-Host/Realm from the DTR), with
 * the DTR's User-Identifier, SM-RP-SMEA and Reference-Number, and the outcome as SM-Delivery-Outcome-T4
 * ({@link SmDeliveryOutcomeT4#of}).
 *
 * <p>The stage completes with true when the MTC-IWF answered 2001; false when the trigger is not one taken
 * over T4 (or already reported) or the MTC-IWF refused the report for good; exceptionally when no DRA came,
 * in which case the trigger stays pending so that the engine may report it again.
 */
public final class T4DeliveryReporter implements DeliveryReportListener {
    private static final Logger LOG = LogManager.getLogger(T4DeliveryReporter.class);

    private final DiameterNode node;
    private final SmsScTriggers pending;
    private final AtomicLong sessions = new AtomicLong();
    private final long sessionHigh;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public T4DeliveryReporter(DiameterNode node, SmsScTriggers pending, Clock clock) {
        this.node = node;
        this.pending = pending;
        this.sessionHigh = clock.millis() / 1000;
    }

    @Override
    public CompletionStage<Boolean> onDeliveryReport(TriggerId trigger, DeliveryOutcome outcome) {
        Optional<SmsScTriggers.Pending> found = pending.remove(trigger);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        SmsScTriggers.Pending p = found.get();
        DeliveryReportRequest drr = new DeliveryReportRequest(p.user(), p.sme(), SmDeliveryOutcomeT4.of(outcome), -1,
                trigger.referenceNumber());
        CompletableFuture<Boolean> done;
        try {
            sent.increment();
            done = node.sendRequest(drr.encode(node.config().identity().originHost() + ";" + sessionHigh + ";drr"
                    + sessions.incrementAndGet(), p.mtcIwfHost(), p.mtcIwfRealm())).thenApply(dra -> {
                AnswerResult r = AnswerResult.of(dra);
                if (!r.isSuccess()) {
                    LOG.warn("DRR for {} answered with {}", trigger, r);
                }
                return r.isSuccess();
            });
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.whenComplete((ok, err) -> {
            if (err != null) {
                failed.increment();
                pending.put(p);
                LOG.warn("DRR for {} ({}) got no answer: {}", trigger, outcome, err.toString());
            }
        });
    }

    /** DRRs sent. */
    public long sentCount() {
        return sent.sum();
    }

    /** DRRs that got no answer. */
    public long failedCount() {
        return failed.sum();
    }
}

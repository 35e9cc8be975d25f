package org.mtcgate.diameter.t4;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The MTC-IWF's T4 client (TS 29.337 6.2.3/6.2.4; TS 23.682 5.2.1 step 7, 5.2.3.2, 5.2.3.3): submits, recalls
 * and replaces triggers with DTRs and reads the DTA into a {@link SubmissionResult} ({@link T4Results}). Every
 * stage completes normally. Each submitted trigger gets a T4 reference in {@link T4References}, which the
 * {@link T4DeliveryReportApplication} uses to find the trigger again when the DRR comes.
 */
public final class T4TriggerSubmitter implements TriggerSubmitter {
    private static final Logger LOG = LogManager.getLogger(T4TriggerSubmitter.class);

    private final DiameterNode node;
    private final T4ClientConfig config;
    private final T4References references;
    private final Clock clock;
    private final AtomicLong sessions = new AtomicLong();
    private final long sessionHigh;
    private final LongAdder sent = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public T4TriggerSubmitter(DiameterNode node, T4ClientConfig config, T4References references, Clock clock) {
        this.node = node;
        this.config = config;
        this.references = references;
        this.clock = clock;
        this.sessionHigh = clock.millis() / 1000;
    }

    @Override
    public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
        Optional<DeviceTriggerRequest.Head> head = head(trigger);
        if (head.isEmpty()) {
            return noSmeAddress(trigger);
        }
        Optional<Long> ref = references.allocate(trigger);
        if (ref.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "no free T4 reference: too many triggers pending"));
        }
        long reference = ref.get();
        return send(DeviceTriggerRequest.trigger(head.get(), trigger, reference, null, clock.instant()), trigger, "trigger", reference)
                .thenApply(result -> {
                    if (!result.isAccepted()) {
                        references.release(reference);
                    }
                    return result;
                });
    }

    @Override
    public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
        Optional<Long> old = references.referenceOf(pending.id());
        if (old.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.RECALLFAIL, "trigger " + pending.id() + " has no pending T4 submission"));
        }
        Optional<DeviceTriggerRequest.Head> head = head(pending);
        if (head.isEmpty()) {
            return noSmeAddress(pending);
        }
        return send(DeviceTriggerRequest.recall(head.get(), pending, old.get()), pending, "recall", -1).thenApply(result -> {
            if (result.isAccepted()) {
                references.release(old.get());
            }
            return result;
        });
    }

    @Override
    public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
        Optional<Long> old = references.referenceOf(original.id());
        if (old.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.REPLACEFAIL, "trigger " + original.id() + " has no pending T4 submission"));
        }
        Optional<DeviceTriggerRequest.Head> head = head(replacement);
        if (head.isEmpty()) {
            return noSmeAddress(replacement);
        }
        Optional<Long> ref = references.allocate(replacement);
        if (ref.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "no free T4 reference: too many triggers pending"));
        }
        long reference = ref.get();
        return send(DeviceTriggerRequest.trigger(head.get(), replacement, reference, old.get(), clock.instant()), replacement, "replace",
                reference)
                .thenApply(result -> {
                    references.release(result.isAccepted() ? old.get() : reference);
                    return result;
                });
    }

    /** @param reference the T4 reference the DTR asks the SMS-SC to store, or -1 for a recall */
    private CompletionStage<SubmissionResult> send(DiameterMessage dtr, DeviceTrigger trigger, String what, long reference) {
        CompletableFuture<DiameterMessage> answer;
        try {
            sent.increment();
            answer = node.sendRequest(dtr);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((dta, err) -> {
            SubmissionResult result = err != null ? T4Results.fromFailure(err) : T4Results.fromDta(dta);
            if (result.isAccepted() && reference >= 0) {
                dta.avp(AvpCodes.ORIGIN_HOST).ifPresent(host -> references.acceptedBy(reference, host.text()));
            }
            if (!result.isAccepted()) {
                refused.increment();
                LOG.info("T4 {} of {} (IMSI {}): {} ({})", what, trigger.id(), trigger.subscriber().imsi().masked(),
                        result.status(), result.reason());
            }
            return result;
        });
    }

    private Optional<DeviceTriggerRequest.Head> head(DeviceTrigger t) {
        SmeAddress sme;
        try {
            sme = config.smeAddressOfScs().apply(t.id().scsIdentity());
        } catch (RuntimeException e) {
            sme = null;
        }
        if (sme == null) {
            return Optional.empty();
        }
        String session = node.config().identity().originHost() + ";" + sessionHigh + ";t4" + sessions.incrementAndGet();
        return Optional.of(new DeviceTriggerRequest.Head(session, config.smsScRealm(), config.smsScHost(), sme));
    }

    private CompletionStage<SubmissionResult> noSmeAddress(DeviceTrigger t) {
        refused.increment();
        LOG.warn("no SME address configured for SCS {}: trigger {} not sent on T4", t.id().scsIdentity(), t.id());
        return done(SubmissionResult.refused(RequestStatus.PERMANENTERROR, "no SME address for SCS " + t.id().scsIdentity()));
    }

    private static CompletionStage<SubmissionResult> done(SubmissionResult r) {
        return CompletableFuture.completedFuture(r);
    }

    /** DTRs sent. */
    public long sentCount() {
        return sent.sum();
    }

    /** Submissions, recalls and replaces not accepted. */
    public long refusedCount() {
        return refused.sum();
    }

    /** A convenience for configuration: one SME address for every SCS. */
    public static Function<String, SmeAddress> sameSmeForAll(SmeAddress sme) {
        return scs -> sme;
    }
}

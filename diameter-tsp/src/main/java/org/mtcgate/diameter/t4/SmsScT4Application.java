package org.mtcgate.diameter.t4;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SMS-SC side of T4 for Device-Trigger requests (TS 29.337 6.2.3/6.2.4; TS 23.682 5.2.1 step 7 and
 * 5.2.3.2/5.2.3.3): translates each DTR into a call on the SMS-SC's own engine (a {@link TriggerSubmitter}) and
 * its verdict into the DTA ({@link T4Results#toDta}). Taken triggers are kept in {@link SmsScTriggers} so that
 * the {@link T4DeliveryReporter} can send the DRR later. Register it for {@code ApplicationIds.T4} on the
 * SMS-SC; DRRs sent to the SMS-SC get 3001.
 *
 * <p>A DTR repeating the Reference-Number of a pending trigger with the same content is answered 2001 without
 * a second submission; with other content, 5004 and Failed-AVP Reference-Number. A recall or replace of a
 * trigger not pending here gets 5535 ORIGINAL_MESSAGE_NOT_PENDING.
 */
public final class SmsScT4Application implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(SmsScT4Application.class);

    private final TriggerSubmitter engine;
    private final SmsScTriggers pending;
    private final Duration defaultValidity;
    private final Clock clock;
    private final LongAdder taken = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /**
     * @param engine          the SMS-SC's trigger handling
     * @param pending         shared with the {@link T4DeliveryReporter}
     * @param defaultValidity for DTRs without Validity-Time
     */
    public SmsScT4Application(TriggerSubmitter engine, SmsScTriggers pending, Duration defaultValidity, Clock clock) {
        this.engine = engine;
        this.pending = pending;
        this.defaultValidity = defaultValidity;
        this.clock = clock;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        if (request.commandCode() != CommandCodes.DEVICE_TRIGGER) {
            refused.increment();
            return done(Answers.commandUnsupported(request, context, "the SMS-SC accepts only Device-Trigger requests on T4"));
        }
        String mtcIwfHost = request.avp(AvpCodes.ORIGIN_HOST).map(a -> a.text()).orElse(context.peerHost());
        String mtcIwfRealm = request.avp(AvpCodes.ORIGIN_REALM).map(a -> a.text()).orElse(context.peerRealm());
        DeviceTriggerCommand cmd;
        try {
            cmd = DeviceTriggerCommand.decode(request, mtcIwfHost, defaultValidity, clock.instant());
        } catch (DiameterRefusalException e) {
            return done(refuse(request, context, e.refusal()));
        }
        CompletionStage<SubmissionResult> work;
        try {
            work = switch (cmd.action()) {
                case TRIGGER -> submit(request, context, cmd, mtcIwfHost, mtcIwfRealm);
                case RECALL -> recall(cmd);
                case REPLACE -> replace(cmd, mtcIwfHost, mtcIwfRealm);
            };
        } catch (DiameterRefusalException e) {
            return done(refuse(request, context, e.refusal()));
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.handle((result, err) -> {
            SubmissionResult r = err != null
                    ? SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "SMS-SC engine failure: " + err)
                    : result;
            if (r.isAccepted()) {
                taken.increment();
            } else {
                refused.increment();
                LOG.info("DTR ({}) from {} not taken: {} ({})", cmd.action(), mtcIwfHost, r.status(), r.reason());
            }
            return dta(request, context, T4Results.toDta(r));
        });
    }

    private CompletionStage<SubmissionResult> submit(DiameterMessage request, RequestContext context, DeviceTriggerCommand cmd,
                                                     String host, String realm) {
        Optional<SmsScTriggers.Pending> same = pending.get(cmd.trigger().id());
        if (same.isPresent()) {
            if (same.get().trigger().sameContentAs(cmd.trigger())) {
                return done(SubmissionResult.accepted());
            }
            throw new DiameterRefusalException(DiameterRefusal.invalid(request.avp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).orElseThrow(),
                    "Reference-Number " + cmd.trigger().id().referenceNumber() + " names another pending trigger"));
        }
        if (pending.isFull()) {
            return done(SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "SMS-SC trigger store full"));
        }
        return engine.submit(cmd.trigger()).thenApply(r -> {
            if (r.isAccepted()) {
                pending.put(new SmsScTriggers.Pending(cmd.trigger(), cmd.user(), cmd.sme(), host, realm));
            }
            return r;
        });
    }

    private CompletionStage<SubmissionResult> recall(DeviceTriggerCommand cmd) {
        Optional<SmsScTriggers.Pending> old = pending.get(cmd.oldTrigger());
        if (old.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.ORIGINALMESSAGESENT, "no pending trigger " + cmd.oldTrigger()));
        }
        return engine.recall(old.get().trigger()).thenApply(r -> {
            if (r.isAccepted()) {
                pending.remove(cmd.oldTrigger());
            }
            return r;
        });
    }

    private CompletionStage<SubmissionResult> replace(DeviceTriggerCommand cmd, String host, String realm) {
        Optional<SmsScTriggers.Pending> old = pending.get(cmd.oldTrigger());
        if (old.isEmpty()) {
            return done(SubmissionResult.refused(RequestStatus.ORIGINALMESSAGESENT, "no pending trigger " + cmd.oldTrigger()));
        }
        return engine.replace(old.get().trigger(), cmd.trigger()).thenApply(r -> {
            if (r.isAccepted()) {
                pending.remove(cmd.oldTrigger());
                pending.put(new SmsScTriggers.Pending(cmd.trigger(), cmd.user(), cmd.sme(), host, realm));
            }
            return r;
        });
    }

    private DiameterMessage refuse(DiameterMessage request, RequestContext context, DiameterRefusal refusal) {
        refused.increment();
        LOG.info("DTR from {} refused with {}: {}", context.peerHost(), refusal.resultCode(), refusal.message());
        return Answers.refusal(request, context, refusal);
    }

    private static DiameterMessage dta(DiameterMessage request, RequestContext context, T4Results.T4Answer a) {
        DiameterMessage.Builder b = a.experimental() ? Answers.experimental(request, context, a.code())
                : context.answer(request, a.code());
        b.avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1));
        if (a.mtcErrorDiagnostic() != null) {
            b.avp(T4Avps.mtcErrorDiagnostic(a.mtcErrorDiagnostic()));
        }
        return b.build();
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /** DTRs answered 2001. */
    public long takenCount() {
        return taken.sum();
    }

    /** DTRs refused at the Diameter level or by the engine. */
    public long refusedCount() {
        return refused.sum();
    }
}

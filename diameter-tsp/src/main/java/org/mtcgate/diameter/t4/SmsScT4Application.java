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
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.DeviceActionResult;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerObserver;
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
 *
 * <p>T4 ingress filter (TS 33.187 6.1): the node's Diameter layer lets only peers of role MTC-IWF send a DTR
 * here; every trigger and replacement then passes the filter engine as ingress T4, the originator being the
 * MTC-IWF's authenticated identity (the connection's peer, never a field of the DTR) and the target the IMSI and
 * MSISDN of the User-Identifier (the names the SMS-SC delivers to; the External-Identifier is only carried back
 * in the report). The kind is a device trigger (TP-PID 0x48), which the SMS-SC puts on every SM it sends for a
 * DTR. A blocked DTR stores and sends nothing and is answered 5003 DIAMETER_AUTHORIZATION_REJECTED (RFC 6733
 * 7.1.5: the request is not permitted to this originator; TS 29.337 7.3 has no code for a policy refusal, and
 * 5530-5535 name SM faults the MTC-IWF could act on), or, when the sender's rate or quota ran out,
 * 5531 DIAMETER_ERROR_SC_CONGESTION, as the engine's other load refusals. A recall is not filtered: it can only
 * name a trigger of the same MTC-IWF, whose identity is the authenticated one.
 */
public final class SmsScT4Application implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(SmsScT4Application.class);
    /** RFC 6733 7.1.5. */
    static final long DIAMETER_AUTHORIZATION_REJECTED = 5003;

    private final TriggerSubmitter engine;
    private final SmsScTriggers pending;
    private final Duration defaultValidity;
    private final Clock clock;
    private final FilterEngine filter;
    private final TriggerObserver observer;
    private final LongAdder taken = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /**
     * @param engine          the SMS-SC's trigger handling
     * @param pending         shared with the {@link T4DeliveryReporter}
     * @param defaultValidity for DTRs without Validity-Time
     * @param filter          decides every DTR as ingress T4
     * @param observer        told of every verdict (audit, metrics)
     */
    public SmsScT4Application(TriggerSubmitter engine, SmsScTriggers pending, Duration defaultValidity, Clock clock,
                              FilterEngine filter, TriggerObserver observer) {
        this.engine = engine;
        this.pending = pending;
        this.defaultValidity = defaultValidity;
        this.clock = clock;
        this.filter = filter;
        this.observer = observer;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        if (request.commandCode() != CommandCodes.DEVICE_TRIGGER) {
            refused.increment();
            return done(Answers.commandUnsupported(request, context, "the SMS-SC accepts only Device-Trigger requests on T4"));
        }
        // The authenticated peer, not the DTR's Origin-Host: it names the MTC-IWF to the filter and is the
        // namespace of its Reference-Numbers, so one MTC-IWF can never reach another's triggers.
        String mtcIwfHost = context.peerHost();
        String mtcIwfRealm = context.peerRealm();
        DeviceTriggerCommand cmd;
        try {
            cmd = DeviceTriggerCommand.decode(request, mtcIwfHost, defaultValidity, clock.instant());
        } catch (DiameterRefusalException e) {
            return done(refuse(request, context, e.refusal()));
        }
        InboundItem item = cmd.trigger() == null ? null : item(cmd, mtcIwfHost);
        Verdict verdict = item == null ? null : filter.evaluate(item);
        if (verdict != null && !verdict.allowed()) {
            refused.increment();
            LOG.debug("DTR from {} blocked by rule {}: {}", mtcIwfHost, verdict.ruleId(), verdict.reason());
            observer.decided(item, verdict, cmd.trigger().id(),
                    new DeviceActionResult(verdict.requestStatus(), verdict.reason(), verdict));
            return done(blocked(request, context, verdict));
        }
        CompletionStage<SubmissionResult> work;
        try {
            work = switch (cmd.action()) {
                case TRIGGER -> submit(request, context, cmd, mtcIwfHost, mtcIwfRealm);
                case RECALL -> recall(cmd);
                case REPLACE -> replace(cmd, mtcIwfHost, mtcIwfRealm);
            };
        } catch (DiameterRefusalException e) {
            if (verdict != null) {
                observer.decided(item, verdict, cmd.trigger().id(), new DeviceActionResult(RequestStatus.PERMANENTERROR,
                        e.refusal().message(), verdict));
            }
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
            if (verdict != null) {
                // Reported once the answer is known: a trigger the filter allowed and the SMS-SC then could not take
                // (store full, engine failure) is a refusal, not an allowed trigger.
                observer.decided(item, verdict, cmd.trigger().id(), new DeviceActionResult(
                        r.isAccepted() ? RequestStatus.SUCCESS : r.status(), r.reason(), verdict));
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

    /** What the filter decides for a trigger or replacement at the T4 ingress. */
    private static InboundItem item(DeviceTriggerCommand cmd, String mtcIwfHost) {
        DeviceTrigger t = cmd.trigger();
        return InboundItem.builder(Ingress.T4, Originator.named(mtcIwfHost))
                .targetImsi(cmd.user().imsi())
                .targetMsisdn(cmd.user().msisdn())
                .tpPid(MessageKind.PID_DEVICE_TRIGGER)
                .ports(t.applicationPort() < 0 ? InboundItem.NO_PORT : t.applicationPort(), InboundItem.NO_PORT)
                .payloadLength(t.payload().length)
                .build();
    }

    /** The DTA for a DTR the filter blocked: see the class comment for the codes. */
    private static DiameterMessage blocked(DiameterMessage request, RequestContext context, Verdict verdict) {
        RequestStatus s = verdict.requestStatus();
        if (s == RequestStatus.RATEEXCEEDED || s == RequestStatus.QUOTAEXCEEDED) {
            return dta(request, context, T4Results.toDta(SubmissionResult.refused(s, verdict.reason())));
        }
        return context.answer(request, DIAMETER_AUTHORIZATION_REJECTED)
                .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.errorMessage("T4 ingress: " + verdict.ruleId() + ": " + verdict.reason()))
                .build();
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

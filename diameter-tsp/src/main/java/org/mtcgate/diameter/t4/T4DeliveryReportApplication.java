package org.mtcgate.diameter.t4;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.filter.trigger.DeliveryReportListener;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The MTC-IWF side of T4 for Delivery-Report requests (TS 29.337 6.2.5/6.2.6; TS 29.368 Annex A.2 steps 5-8):
 * finds the trigger by its T4 reference, checks that the report names the same IMSI, hands the outcome
 * (mapped by {@link SmDeliveryOutcomeT4}) to the {@link DeliveryReportListener} and answers once the listener
 * has recorded it. Absent-Subscriber-Diagnostic-T4 is counted and stays here: it is never forwarded on Tsp.
 *
 * <p>Answers: 2001 when the report was taken, also when the listener says the trigger had already finished
 * (e.g. recalled meanwhile), so that the SMS-SC stops retrying; the reference is then released, and a
 * retransmitted DRR (T bit) gets the node's cached DRA. 5004 with Failed-AVP Reference-Number for a reference
 * this MTC-IWF does not hold (never allocated, already reported, or lost in a restart) or that another SMS-SC
 * accepted (the DTA's Origin-Host is kept): a permanent error, the sender has nobody to report to; Failed-AVP
 * User-Identifier when the IMSI is
 * not the trigger's; 5005 for missing AVPs; 5012 when the listener failed (the reference is kept, a retry
 * may succeed). Register it for {@code ApplicationIds.T4} on the MTC-IWF; DTRs sent to the MTC-IWF get 3001.
 *
 * <p>A DRR without Reference-Number (optional in TS 29.337 6.2.5; some SMS-SCs leave it out) is matched by its
 * IMSI among the triggers pending at the SMS-SC that sends it: exactly one match is reported as usual; none or
 * several are acknowledged with 2001, logged and counted ({@link #unmatchedCount()}), and the trigger then ends
 * with its validity, since guessing could report the wrong trigger to an SCS.
 */
public final class T4DeliveryReportApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(T4DeliveryReportApplication.class);

    private final T4References references;
    private final DeliveryReportListener listener;
    private final LongAdder reported = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder absentDiagnostics = new LongAdder();
    private final LongAdder unmatched = new LongAdder();

    public T4DeliveryReportApplication(T4References references, DeliveryReportListener listener) {
        this.references = references;
        this.listener = listener;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        if (request.commandCode() != CommandCodes.DELIVERY_REPORT) {
            refused.increment();
            return done(Answers.commandUnsupported(request, context, "the MTC-IWF accepts only Delivery-Report requests on T4"));
        }
        DeliveryReportRequest drr;
        T4References.Entry entry;
        try {
            DeliveryReportRequest decoded = DeliveryReportRequest.decode(request);
            String from = request.avp(AvpCodes.ORIGIN_HOST).map(a -> a.text()).orElse("");
            if (decoded.reference() < 0) {
                Optional<T4References.Entry> only = unique(references.pendingFor(decoded.user().imsi(), from));
                if (only.isEmpty()) {
                    // Nothing to match it with: acknowledge (a refusal only makes the SMS-SC retry) and count.
                    unmatched.increment();
                    LOG.info("DRR without Reference-Number from {} for IMSI {} ({}) matches no single pending trigger:"
                            + " acknowledged, not reported", context.peerHost(), decoded.user().imsi().masked(), decoded.outcome());
                    return done(context.answer(request, ResultCode.DIAMETER_SUCCESS.code())
                            .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1)).build());
                }
                decoded = new DeliveryReportRequest(decoded.user(), decoded.sme(), decoded.outcome(),
                        decoded.absentDiagnostic(), only.get().reference());
            }
            drr = decoded;
            Optional<T4References.Entry> found = references.byReference(drr.reference());
            if (found.isEmpty()) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(request.avp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).orElseThrow(),
                        "no trigger pending under T4 reference " + drr.reference()));
            }
            entry = found.get();
            String origin = request.avp(AvpCodes.ORIGIN_HOST).map(a -> a.text()).orElse("");
            if (entry.smsScHost() != null && !entry.smsScHost().equalsIgnoreCase(origin)) {
                // Only the SMS-SC that took the trigger may report on it: another peer must not end it (TS 33.187 6.1).
                throw new DiameterRefusalException(DiameterRefusal.invalid(request.avp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).orElseThrow(),
                        "T4 reference " + drr.reference() + " is not pending at " + origin));
            }
            if (!entry.imsi().equals(drr.user().imsi())) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(request.avp(AvpCodes.USER_IDENTIFIER, VendorIds.TGPP).orElseThrow(),
                        "the User-Name is not the IMSI of the trigger under T4 reference " + drr.reference()));
            }
        } catch (DiameterRefusalException e) {
            refused.increment();
            LOG.info("DRR from {} refused with {}: {}", context.peerHost(), e.refusal().resultCode(), e.getMessage());
            return done(Answers.refusal(request, context, e.refusal()));
        }
        if (drr.absentDiagnostic() >= 0) {
            absentDiagnostics.increment();
        }
        LOG.debug("DRR for {}: {}", entry, drr.outcome());
        CompletionStage<Boolean> taken;
        try {
            taken = listener.onDeliveryReport(entry.trigger(), drr.outcome().deliveryOutcome());
        } catch (RuntimeException e) {
            taken = CompletableFuture.failedFuture(e);
        }
        return taken.handle((known, err) -> {
            if (err != null) {
                LOG.warn("delivery report for {} not recorded: {}", entry.trigger(), err.toString());
                return context.answer(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code())
                        .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1)).build();
            }
            references.release(entry.reference());
            reported.increment();
            if (!Boolean.TRUE.equals(known)) {
                LOG.info("repeated or late DRR for {} ({}) acknowledged", entry.trigger(), drr.outcome());
            }
            return context.answer(request, ResultCode.DIAMETER_SUCCESS.code())
                    .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1)).build();
        });
    }

    private static Optional<T4References.Entry> unique(java.util.List<T4References.Entry> entries) {
        return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
    }

    /** DRRs without Reference-Number that matched no single pending trigger (acknowledged, not reported). */
    public long unmatchedCount() {
        return unmatched.sum();
    }

    private static CompletionStage<DiameterMessage> done(DiameterMessage m) {
        return CompletableFuture.completedFuture(m);
    }

    /** DRRs answered 2001. */
    public long reportedCount() {
        return reported.sum();
    }

    /** DRRs refused (bad AVPs, unknown reference, wrong IMSI, wrong command). */
    public long refusedCount() {
        return refused.sum();
    }

    /** DRRs that carried Absent-Subscriber-Diagnostic-T4 (kept here, never sent to the SCS). */
    public long absentDiagnosticCount() {
        return absentDiagnostics.sum();
    }
}

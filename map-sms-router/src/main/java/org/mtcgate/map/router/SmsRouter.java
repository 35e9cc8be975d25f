package org.mtcgate.map.router;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.SMEnumeratedDeliveryFailureCause;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.IMSI;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.LocationInfoWithLMSI;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_OA;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.concat.ConcatenationTracker;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.filter.routing.CorrelationId;
import org.mtcgate.filter.routing.CorrelationStore;
import org.mtcgate.map.client.ForwardSm;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.client.ReportSmDeliveryStatus;
import org.mtcgate.map.client.RoutingAnswer;
import org.mtcgate.map.client.SendRoutingInfoForSm;
import org.mtcgate.map.dialog.DialogGuard;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.dialog.IncomingDialog;
import org.mtcgate.map.dialog.MapErrors;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Links;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.ConcatenationLimits;
import org.mtcgate.map.tpdu.TpduException;

/**
 * The SMS Router of MAP Home Network Routing (TS 23.040 3.2.7a and the SMS Router annex, TS 33.187 6.1).
 *
 * <p>SendRoutingInfoForSM for a home subscriber (shortMsgGatewayContext v1-v3): the router asks the HLR in the
 * same version, keeps (IMSI, serving nodes, asking service centre) under a fresh MT Correlation ID shaped like a
 * home IMSI, and answers with that ID as IMSI and its own GT as networkNode-Number: the real IMSI and location
 * never leave. HLR errors are relayed unchanged.
 *
 * <p>MT-ForwardSM (shortMsgMTRelayContext v3; ForwardSM in v2) to a correlation ID: the TPDU is decoded (only
 * a canonically encoded SMS-DELIVER or SMS-STATUS-REPORT is taken), the filter engine decides on its TP-PID,
 * TP-DCS and UDH, and the parts of a concatenated SM are judged together (ingress ROUTER_MT; originator = SM-RP-OA, SCCP calling GT, TP-OA). Blocked:
 * facilityNotSupported. Allowed: forwarded in the same version with the real IMSI to the serving MSC (or SGSN),
 * and its result or MAP error relayed back.
 *
 * <p>Trust is bound to the link as well as the address: each correlation records who asked for it (SCCP calling
 * GT and the peer the SRI-for-SM arrived over, {@link Ss7Links}), and an MT-ForwardSM for it from any other GT or
 * link is refused with unidentifiedSubscriber (reported as a verdict, rule {@code correlation-elsewhere}). The item
 * given to the filter names the arrival link, so a home GT arriving over an interconnect link is blocked
 * ({@code spoofed-home-gt}). Every answer goes back over the link its dialog came in on (the stack sees to that).
 * The HLR is not asked when the correlation store has no room.
 *
 * <p>ReportSM-DeliveryStatus (shortMsgGatewayContext) is relayed to the HLR from the router's GT with the MSISDN
 * and service centre address the SMSC sent, and the HLR's answer relayed back, but only when that service centre
 * address, calling GT and link asked SRI-for-SM for that MSISDN and its correlation is still live
 * ({@link ReportPermits}); otherwise unexpectedDataValue (TS 29.002 12.3: of the operation's errors, the one that
 * says nothing about the subscriber; unidentifiedSubscriber is not among them), reported as
 * {@code report-without-correlation}, and the HLR is not told. An InformServiceCentre that the HLR
 * sends with its SRI-for-SM result (v2 and later) goes to the SMSC with the router's answer. MAP v1 MT relay is not
 * served: v1 has one shortMsgRelayContext for both directions (jSS7's shortMsgMORelayContext v1), which belongs to
 * the SMS-SC's MO path; there a ForwardSM to a correlation ID is refused (by the link check, or unexpectedDataValue
 * since its SM-RP-DA is not a service centre address), or the dialog guard refuses the context where no MO path is
 * attached. Nothing reaches a serving node.
 *
 * <p>Errors, each counted ({@link RouterCounters}) and reported ({@link RouterObserver#protocolError}): unknown or
 * expired correlation ID and another service centre than the one that asked: unidentifiedSubscriber; missing
 * IMSI or service centre address: unexpectedDataValue; TPDU that is neither SMS-DELIVER nor SMS-STATUS-REPORT
 * or does not decode: SM-DeliveryFailure (equipmentProtocolError), as a UE would answer; correlation store
 * full, or the router's own dialog timed out (TCAP invoke timer), was aborted, refused or rejected:
 * systemFailure. Wrong contexts, unexpected and duplicated components are handled by the stack's
 * {@link DialogGuard}.
 *
 * <p>Threading: requests are handled on the jSS7 thread that delivers them, without blocking; the HLR and
 * serving-node legs complete on other jSS7 threads, which then answer the incoming dialog. Counters and
 * observer calls are made just before each answer is sent, so whoever has the answer also has its record.
 */
public final class SmsRouter extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(SmsRouter.class);
    private static final Set<MAPApplicationContextName> SERVED = EnumSet.of(
            MAPApplicationContextName.shortMsgGatewayContext, MAPApplicationContextName.shortMsgMTRelayContext);
    /** New correlation IDs tried before the store is taken to be full (a clash of 10 random digits is rare). */
    private static final int ID_ATTEMPTS = 3;
    /** (MSISDN, service centre, asker) triples that may send ReportSM-DeliveryStatus; one per live SRI-for-SM asker. */
    private static final int MAX_REPORT_PERMITS = 200_000;

    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final MapErrors errors;
    private final RouterConfig config;
    private final FilterEngine filter;
    private final CorrelationStore store;
    private final Clock clock;
    private final RouterObserver observer;
    private final RouterCounters counters = new RouterCounters();
    private final MapClient outgoing;
    private final DialogGuard guard;
    private final SecureRandom random = new SecureRandom();
    private final ReportPermits reportPermits = new ReportPermits(MAX_REPORT_PERMITS);
    private final SccpAddress callingAddress;
    private final ISDNAddressString routerNode;
    private final Ss7Links links;
    /** Parts of concatenated SMs: a message with a protected part is blocked whole (see ConcatenationTracker). */
    private final ConcatenationTracker concatenation = new ConcatenationTracker(
            ConcatenationLimits.MAX_MESSAGES, ConcatenationLimits.TIMEOUT, TimeSource.SYSTEM);

    private SmsRouter(Ss7Stack stack, RouterConfig config, FilterEngine filter, CorrelationStore store, Clock clock,
                      RouterObserver observer) {
        this.provider = stack.mapProvider();
        this.parameters = provider.getMAPParameterFactory();
        this.errors = new MapErrors(provider);
        this.config = Objects.requireNonNull(config, "config");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.callingAddress = GlobalTitles.routeOnGt(config.routerGt(), Ss7StackConfig.SSN_MSC);
        this.routerNode = parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN,
                config.routerGt());
        // Unbounded: each leg answers an incoming dialog, and those are bounded already (DialogLimits).
        this.outgoing = MapClient.attach(provider, stack.config().invokeTimeoutMillis(), 0);
        this.guard = DialogGuard.of(provider);
        this.links = stack.links();
    }

    /**
     * Attaches a router to {@code stack} (whose local SSNs should include 6, since SRI-for-SM is addressed to the
     * HLR's subsystem, and 8). Register before {@link Ss7Stack#connect()}.
     */
    public static SmsRouter attach(Ss7Stack stack, RouterConfig config, FilterEngine filter, CorrelationStore store,
                                   Clock clock, RouterObserver observer) {
        SmsRouter router = new SmsRouter(stack, config, filter, store, clock, observer);
        router.guard.serve(SERVED, router::protocolError);
        router.provider.getMAPServiceSms().addMAPServiceListener(router);
        return router;
    }

    /** Stops handling new dialogs; dialogs in progress still end. */
    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        guard.withdraw(this::protocolError);
        outgoing.detach();
    }

    public RouterConfig config() {
        return config;
    }

    public RouterCounters.Snapshot counters() {
        return counters.snapshot();
    }

    /** Drops expired correlations; returns how many. Call it periodically (e.g. every few seconds). */
    public int expireCorrelations() {
        reportPermits.expire(clock.instant());
        return store.expire(clock.instant());
    }

    // ---- SRI-for-SM ----

    @Override
    public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (contextOf(dialog) != MAPApplicationContextName.shortMsgGatewayContext) {
            return;
        }
        IncomingDialog in = IncomingDialog.claim(dialog, request.getInvokeId(), this::protocolError);
        if (in == null) {
            return;
        }
        counters.sriReceived.increment();
        ISDNAddressString msisdnField = request.getMsisdn();
        GlobalTitle msisdnDigits = msisdnField == null ? null : Digits.globalTitle(msisdnField.getAddress());
        if (msisdnDigits == null) {
            refuse(in, ProtocolError.MALFORMED_REQUEST, errors.unexpectedDataValue(), "SRI-SM without a valid MSISDN");
            return;
        }
        Msisdn msisdn = Msisdn.of(msisdnDigits.digits());
        if (!store.hasRoom()) {
            refuse(in, ProtocolError.CORRELATION_STORE_FULL, errors.systemFailure(in.mapVersion()),
                    "correlation store full; the HLR was not asked");
            return;
        }
        Correlation.AskedBy askedBy = askedBy(dialog);
        AddressString serviceCentre = request.getServiceCentreAddress();
        SccpAddress hlr = GlobalTitles.routeOnGt(config.hlrGt() != null ? config.hlrGt() : msisdn.digits(),
                Ss7StackConfig.SSN_HLR);
        outgoing.begin(callingAddress, hlr, new SendRoutingInfoForSm(in.mapVersion(), msisdnField,
                        request.getSm_RP_PRI(), serviceCentre, request.getGprsSupportIndicator()))
                .thenAccept(outcome -> guarded(in, () -> onRoutingInfo(in, msisdn, serviceCentre, askedBy, outcome)));
    }

    /** The network address a dialog came from: its SCCP calling GT and the link (peer) it arrived over. */
    private Correlation.AskedBy askedBy(MAPDialog dialog) {
        return new Correlation.AskedBy(Dialogs.callingGlobalTitle(dialog), links.of(dialog));
    }

    private void onRoutingInfo(IncomingDialog in, Msisdn msisdn, AddressString serviceCentre, Correlation.AskedBy askedBy,
                               MapOutcome<RoutingAnswer> outcome) {
        if (outcome instanceof MapOutcome.Error<RoutingAnswer> error) {
            in.answerError(error.error(), counters.hlrErrors::increment);
            return;
        }
        if (outcome instanceof MapOutcome.Failure<RoutingAnswer> failure) {
            refuse(in, ProtocolError.OUTGOING_DIALOG_FAILED, errors.systemFailure(in.mapVersion()),
                    "SRI-SM to the HLR: " + failure.reason());
            return;
        }
        RoutingAnswer whole = ((MapOutcome.Result<RoutingAnswer>) outcome).value();
        SendRoutingInfoForSMResponse answer = whole.result();
        InformServiceCentreRequest inform = whole.informServiceCentre();
        ServingNodes nodes = ServingNodes.of(answer.getLocationInfoWithLMSI());
        GlobalTitle imsiDigits = answer.getIMSI() == null ? null : Digits.globalTitle(answer.getIMSI().getData());
        if (imsiDigits == null || imsiDigits.length() < 6 || nodes == null) {
            refuse(in, ProtocolError.OUTGOING_DIALOG_FAILED, errors.systemFailure(in.mapVersion()),
                    "the HLR's SRI-SM result lacks a usable IMSI or serving node");
            return;
        }
        if (in.finished()) {
            return; // the SMSC gave up meanwhile: no correlation for nobody
        }
        String smscAddress = serviceCentre == null ? null : serviceCentre.getAddress();
        Correlation correlation = newCorrelation(msisdn, Imsi.of(imsiDigits.digits()), nodes, smscAddress, askedBy);
        if (correlation == null) {
            refuse(in, ProtocolError.CORRELATION_STORE_FULL, errors.systemFailure(in.mapVersion()),
                    "correlation store full");
            return;
        }
        IMSI correlationId = parameters.createIMSI(correlation.id().asImsi().digits());
        LocationInfoWithLMSI router = parameters.createLocationInfoWithLMSI(routerNode, null, null, false, null);
        Boolean mwdSet = answer.getMwdSet();
        in.answer((d, id) -> {
            if (inform != null && in.mapVersion() >= 2) {
                // TS 29.002 12.6: relayed as the HLR sent it; it names the MSISDN the SMSC asked about, never the IMSI
                ((MAPDialogSms) d).addInformServiceCentreRequest(inform.getStoredMSISDN(), inform.getMwStatus(), null,
                        inform.getAbsentSubscriberDiagnosticSM(), inform.getAdditionalAbsentSubscriberDiagnosticSM());
            }
            ((MAPDialogSms) d).addSendRoutingInfoForSMResponse(id, correlationId, router, null, mwdSet, null);
        }, () -> {
                    counters.correlationsCreated.increment();
                    notify(() -> observer.correlationCreated(correlation));
                });
    }

    private Correlation newCorrelation(Msisdn msisdn, Imsi imsi, ServingNodes nodes, String smscAddress,
                                       Correlation.AskedBy askedBy) {
        for (int i = 0; i < ID_ATTEMPTS; i++) {
            Correlation c = new Correlation(CorrelationId.random(config.homeMccMnc(), random), msisdn, imsi,
                    nodes.msc(), nodes.sgsn(), smscAddress, clock.instant().plus(config.correlationTtl()), askedBy);
            if (store.put(c)) {
                reportPermits.grant(c, clock.instant());
                return c;
            }
        }
        return null;
    }

    // ---- ReportSM-DeliveryStatus ----

    /**
     * ReportSM-DeliveryStatus from an SMSC (TS 29.002 12.3), which under Home Network Routing reaches the router
     * instead of the HLR: relayed to the HLR in the same version with what identifies the case for it, the
     * subscriber's MSISDN and the SMSC's address, as the SMSC sent them (they are the real identity; no IMSI is in
     * this operation either way), from the router's GT; the HLR's answer or error goes back to the SMSC.
     */
    @Override
    public void onReportSMDeliveryStatusRequest(ReportSMDeliveryStatusRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (contextOf(dialog) != MAPApplicationContextName.shortMsgGatewayContext) {
            return;
        }
        IncomingDialog in = IncomingDialog.claim(dialog, request.getInvokeId(), this::protocolError);
        if (in == null) {
            return;
        }
        counters.reportsReceived.increment();
        GlobalTitle msisdn = request.getMsisdn() == null ? null : Digits.globalTitle(request.getMsisdn().getAddress());
        GlobalTitle serviceCentre = request.getServiceCentreAddress() == null ? null
                : Digits.globalTitle(request.getServiceCentreAddress().getAddress());
        if (msisdn == null || serviceCentre == null) {
            refuse(in, ProtocolError.MALFORMED_REQUEST, errors.unexpectedDataValue(),
                    "ReportSM-DeliveryStatus without a valid MSISDN and service centre address");
            return;
        }
        Correlation.AskedBy from = askedBy(dialog);
        if (!reportPermits.permits(Msisdn.of(msisdn.digits()), serviceCentre.digits(), from, clock.instant())) {
            refuse(in, ProtocolError.REPORT_WITHOUT_CORRELATION, errors.unexpectedDataValue(), "ReportSM-DeliveryStatus for "
                    + msisdn.digits() + " from service centre " + serviceCentre.digits() + ", " + from
                    + ": no live SRI-for-SM for it from there; the HLR was not told");
            return;
        }
        SccpAddress hlr = GlobalTitles.routeOnGt(config.hlrGt() != null ? config.hlrGt() : msisdn.digits(),
                Ss7StackConfig.SSN_HLR);
        outgoing.begin(callingAddress, hlr, new ReportSmDeliveryStatus(in.mapVersion(), request))
                .thenAccept(outcome -> guarded(in, () -> onReportAnswer(in, outcome)));
    }

    private void onReportAnswer(IncomingDialog in, MapOutcome<ReportSMDeliveryStatusResponse> outcome) {
        if (outcome instanceof MapOutcome.Error<ReportSMDeliveryStatusResponse> error) {
            in.answerError(error.error(), counters.hlrErrors::increment);
        } else if (outcome instanceof MapOutcome.Failure<ReportSMDeliveryStatusResponse> failure) {
            refuse(in, ProtocolError.OUTGOING_DIALOG_FAILED, errors.systemFailure(in.mapVersion()),
                    "ReportSM-DeliveryStatus to the HLR: " + failure.reason());
        } else {
            ReportSMDeliveryStatusResponse answer = ((MapOutcome.Result<ReportSMDeliveryStatusResponse>) outcome).value();
            in.answer((d, id) -> ((MAPDialogSms) d).addReportSMDeliveryStatusResponse(id,
                    in.mapVersion() >= 2 ? answer.getStoredMSISDN() : null, null), counters.reportsRelayed::increment);
        }
    }

    // ---- MT-ForwardSM ----

    @Override
    public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (contextOf(dialog) == MAPApplicationContextName.shortMsgMTRelayContext) {
            forward(dialog, request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_OA(), request.getSM_RP_UI(),
                    request.getMoreMessagesToSend());
        }
    }

    /** MAP v2 ForwardSM; in shortMsgMTRelayContext v2 it is the MT-ForwardSM. */
    @Override
    public void onForwardShortMessageRequest(ForwardShortMessageRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (contextOf(dialog) == MAPApplicationContextName.shortMsgMTRelayContext) {
            forward(dialog, request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_OA(), request.getSM_RP_UI(),
                    request.getMoreMessagesToSend());
        }
    }

    private void forward(MAPDialogSms dialog, long invokeId, SM_RP_DA da, SM_RP_OA oa, SmsSignalInfo ui,
                         boolean moreMessagesToSend) {
        IncomingDialog in = IncomingDialog.claim(dialog, invokeId, this::protocolError);
        if (in == null) {
            return;
        }
        counters.mtReceived.increment();
        IMSI idField = da == null ? null : da.getIMSI();
        if (idField == null) {
            refuse(in, ProtocolError.MALFORMED_REQUEST, errors.unexpectedDataValue(), "SM-RP-DA carries no IMSI");
            return;
        }
        Optional<Correlation> found = lookup(idField.getData());
        if (found.isEmpty()) {
            refuse(in, ProtocolError.UNKNOWN_CORRELATION, errors.unidentifiedSubscriber(),
                    "no live correlation " + idField.getData());
            return;
        }
        Correlation correlation = found.get();
        AddressString serviceCentre = oa == null ? null : oa.getServiceCentreAddressOA();
        GlobalTitle serviceCentreGt = serviceCentre == null ? null : Digits.globalTitle(serviceCentre.getAddress());
        if (serviceCentreGt == null) {
            refuse(in, ProtocolError.MALFORMED_REQUEST, errors.unexpectedDataValue(),
                    "SM-RP-OA carries no service centre address");
            return;
        }
        if (config.sameServiceCentre() && correlation.smscAddress() != null
                && !correlation.smscAddress().equals(serviceCentreGt.digits())) {
            refuse(in, ProtocolError.SERVICE_CENTRE_MISMATCH, errors.unidentifiedSubscriber(), "correlation "
                    + correlation.id() + " was issued to " + correlation.smscAddress() + ", not " + serviceCentreGt);
            return;
        }
        Correlation.AskedBy from = askedBy(dialog);
        if (correlation.askedBy() != null && !correlation.askedBy().sameAs(from)) {
            refuseElsewhere(in, serviceCentreGt, from, ui, correlation);
            return;
        }
        InboundItem item;
        try {
            item = MtItems.item(serviceCentreGt, from.callingGt(), from.link(), ui == null ? null : ui.getData(), correlation);
        } catch (TpduException e) {
            refuse(in, ProtocolError.MALFORMED_TPDU, errors.smDeliveryFailure(in.mapVersion(),
                    SMEnumeratedDeliveryFailureCause.equipmentProtocolError), e.getMessage());
            return;
        }
        Verdict verdict = concatenation.screen(item, filter.policy().kindOf(item), filter.evaluate(item));
        if (!verdict.allowed()) {
            in.answerError(errors.facilityNotSupported(), () -> {
                counters.blocked.increment();
                notify(() -> observer.smBlocked(item, verdict));
            });
            return;
        }
        forwardVia(in, item, verdict, correlation, correlation.mscNumber() != null, serviceCentre, ui, moreMessagesToSend);
    }

    /**
     * An MT-ForwardSM for a correlation ID that another calling GT or link asked for: unidentifiedSubscriber, as for
     * an ID never issued, so the sender learns nothing. Audited as a verdict when the TPDU decodes (the item shows
     * what was tried), else as a protocol error.
     */
    private void refuseElsewhere(IncomingDialog in, GlobalTitle serviceCentre, Correlation.AskedBy from, SmsSignalInfo ui,
                                 Correlation correlation) {
        String detail = "correlation " + correlation.id() + " was issued to " + correlation.askedBy() + ", not " + from;
        InboundItem item;
        try {
            item = MtItems.item(serviceCentre, from.callingGt(), from.link(), ui == null ? null : ui.getData(), correlation);
        } catch (TpduException e) {
            refuse(in, ProtocolError.CORRELATION_ELSEWHERE, errors.unidentifiedSubscriber(), detail);
            return;
        }
        in.answerError(errors.unidentifiedSubscriber(), () -> {
            counters.protocolError(ProtocolError.CORRELATION_ELSEWHERE);
            LOG.debug("{}: {}", ProtocolError.CORRELATION_ELSEWHERE.counterName(), detail);
            notify(() -> observer.smBlocked(item, LinkVerdicts.CORRELATION_ELSEWHERE));
        });
    }

    /**
     * Forwards to the serving MSC, or to the SGSN when there is no MSC. When the MSC finds the subscriber absent or
     * unknown there and the HLR named an SGSN too, the SM goes there
     * (TS 23.040 3.2.5: delivery via the other domain); the sender gets the outcome of the last attempt.
     */
    private void forwardVia(IncomingDialog in, InboundItem item, Verdict verdict, Correlation correlation, boolean viaMsc,
                            AddressString serviceCentre, SmsSignalInfo ui, boolean moreMessagesToSend) {
        String node = viaMsc ? correlation.mscNumber() : correlation.sgsnNumber();
        String other = viaMsc ? correlation.sgsnNumber() : null;
        SccpAddress servingNode = GlobalTitles.routeOnGt(node, viaMsc ? Ss7StackConfig.SSN_MSC : Ss7StackConfig.SSN_SGSN);
        outgoing.begin(callingAddress, servingNode, new ForwardSm(ForwardSm.Direction.MOBILE_TERMINATED,
                        in.mapVersion(), parameters.createSM_RP_DA(parameters.createIMSI(correlation.imsi().digits())),
                        parameters.createSM_RP_OA_ServiceCentreAddressOA(serviceCentre), ui, moreMessagesToSend))
                .thenAccept(outcome -> guarded(in, () -> {
                    if (other != null && worthTheOtherNode(outcome)) {
                        counters.otherNodeTried.increment();
                        LOG.debug("MT-ForwardSM via {} failed ({}); trying the SGSN {}", node, outcome, other);
                        forwardVia(in, item, verdict, correlation, false, serviceCentre, ui, moreMessagesToSend);
                    } else {
                        onDelivery(in, item, verdict, node, outcome);
                    }
                }));
    }

    /**
     * Absent or unknown at this node: the UE may be reachable through the other domain. A node that does not
     * answer is not followed by a second leg: the two invoke timers together would outlast the incoming
     * dialog's idle timer, and the SMSC would get nothing.
     */
    private static boolean worthTheOtherNode(MapOutcome<SmsSignalInfo> outcome) {
        if (outcome instanceof MapOutcome.Error<SmsSignalInfo> error) {
            long code = error.errorCode();
            return code == MAPErrorCode.absentSubscriberSM || code == MAPErrorCode.absentSubscriber
                    || code == MAPErrorCode.unidentifiedSubscriber;
        }
        return false;
    }

    private Optional<Correlation> lookup(String idDigits) {
        GlobalTitle digits = Digits.globalTitle(idDigits);
        if (digits == null || digits.length() < 6) {
            return Optional.empty();
        }
        return store.find(CorrelationId.of(Imsi.of(digits.digits())), clock.instant());
    }

    private void onDelivery(IncomingDialog in, InboundItem item, Verdict verdict, String node,
                            MapOutcome<SmsSignalInfo> outcome) {
        if (outcome instanceof MapOutcome.Result<SmsSignalInfo> ok) {
            SmsSignalInfo deliveryReport = ok.value();
            ForwardOutcome delivered = new ForwardOutcome(ForwardOutcome.Result.DELIVERED, -1, node, "delivered");
            in.answer((d, id) -> {
                if (in.mapVersion() >= 3) {
                    ((MAPDialogSms) d).addMtForwardShortMessageResponse(id, deliveryReport, null);
                } else {
                    ((MAPDialogSms) d).addForwardShortMessageResponse(id);
                }
            }, () -> {
                counters.delivered.increment();
                notify(() -> observer.smForwarded(item, verdict, delivered));
            });
        } else if (outcome instanceof MapOutcome.Error<SmsSignalInfo> error) {
            ForwardOutcome refused = new ForwardOutcome(ForwardOutcome.Result.MAP_ERROR, error.errorCode(), node,
                    "MAP error " + error.errorCode() + " from the serving node");
            in.answerError(error.error(), () -> {
                counters.deliveryErrors.increment();
                notify(() -> observer.smForwarded(item, verdict, refused));
            });
        } else {
            String reason = ((MapOutcome.Failure<SmsSignalInfo>) outcome).reason();
            ForwardOutcome failed = new ForwardOutcome(ForwardOutcome.Result.FAILED, -1, node, reason);
            in.answerError(errors.systemFailure(in.mapVersion()), () -> {
                counters.deliveryErrors.increment();
                protocolError(ProtocolError.OUTGOING_DIALOG_FAILED, "MT-ForwardSM to " + node + ": " + reason);
                notify(() -> observer.smForwarded(item, verdict, failed));
            });
        }
    }

    // ---- helpers ----

    private static MAPApplicationContextName contextOf(MAPDialog dialog) {
        return dialog.getApplicationContext().getApplicationContextName();
    }

    private void refuse(IncomingDialog in, ProtocolError error, MAPErrorMessage answer, String detail) {
        in.answerError(answer, () -> protocolError(error, detail));
    }

    private void protocolError(ProtocolError error, String detail) {
        counters.protocolError(error);
        LOG.debug("{}: {}", error.counterName(), detail);
        notify(() -> observer.protocolError(error, detail));
    }

    /** Runs a continuation of an outgoing leg; whatever goes wrong in it, the incoming dialog is not left open. */
    private static void guarded(IncomingDialog in, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.error("router step failed; aborting dialog {}", in.dialog().getLocalDialogId(), e);
            in.abort();
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("router observer failed", e);
        }
    }

    /** The serving MSC and SGSN numbers of an SRI-for-SM result (TS 29.002 12.1.3, LocationInfoWithLMSI). */
    record ServingNodes(String msc, String sgsn) {
        static ServingNodes of(LocationInfoWithLMSI location) {
            RoutingAnswer.ServingNumbers n = RoutingAnswer.ServingNumbers.of(location);
            return n == null ? null : new ServingNodes(n.msc(), n.sgsn());
        }
    }
}

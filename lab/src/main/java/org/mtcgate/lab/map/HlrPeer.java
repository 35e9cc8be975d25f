package org.mtcgate.lab.map;

import org.mtcgate.map.dialog.SmsListenerAdapter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.UnknownSubscriberDiagnostic;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.lsm.AdditionalNumber;
import org.mobicents.protocols.ss7.map.api.service.sms.LocationInfoWithLMSI;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.Ss7Stack;

/**
 * A lab HLR answering SendRoutingInfoForSM (TS 29.002 12.1) from an in-memory table MSISDN to
 * (IMSI, serving MSC and SGSN numbers): unknownSubscriber for an MSISDN it does not hold, absentSubscriberSM for a
 * subscriber provisioned without a serving node.
 */
public final class HlrPeer extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(HlrPeer.class);

    /**
     * One subscription: the serving MSC and SGSN numbers (either may be null; both null means the subscriber is
     * absent).
     */
    public record Subscription(String imsi, String servingMscNumber, String servingSgsnNumber) {
        public Subscription {
            Objects.requireNonNull(imsi, "imsi");
        }

        /** Attached to an MSC only. */
        public Subscription(String imsi, String servingMscNumber) {
            this(imsi, servingMscNumber, null);
        }
    }

    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final String localGt;
    private volatile java.util.function.Consumer<Report> onReport = r -> { };
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> onAnswer;
    private final Set<String> informFor = ConcurrentHashMap.newKeySet();
    // A count, not a list of what was asked: the router benchmark sends millions, and a copy-on-write list
    // copied itself on each one (humongous arrays, the collector running all the time after some 30 s).
    private final LongAdder asked = new LongAdder();
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.LinkedBlockingQueue<Report> newReports = new java.util.concurrent.LinkedBlockingQueue<>();

    /**
     * A ReportSM-DeliveryStatus as received: the MSISDN, the service centre address, the outcome, and the SCCP
     * calling GT it came from.
     */
    public record Report(String msisdn, String serviceCentre, SMDeliveryOutcome outcome, String callingGt) {
    }

    public HlrPeer(Ss7Stack stack) {
        this(stack, (msisdn, outcome) -> { });
    }

    /** Also tells {@code onAnswer} (msisdn, what was answered) about each SRI-SM, on a jSS7 thread. */
    public HlrPeer(Ss7Stack stack, BiConsumer<String, String> onAnswer) {
        this.onAnswer = onAnswer;
        this.provider = stack.mapProvider();
        this.parameters = provider.getMAPParameterFactory();
        this.localGt = stack.config().localGlobalTitle();
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
    }

    public HlrPeer provision(String msisdn, Subscription subscription) {
        subscriptions.put(msisdn, subscription);
        return this;
    }

    /** For {@code msisdn}, sends InformServiceCentre (stored MSISDN, MNRF set) before the SRI-SM result. */
    public HlrPeer informServiceCentre(String msisdn) {
        informFor.add(msisdn);
        return this;
    }

    /** The MSISDNs of every SRI-SM received, in order. */
    /** How many SRI-for-SM it has been asked. */
    public long askedCount() {
        return asked.sum();
    }

    /**
     * Sends AlertServiceCentre (shortMsgAlertContext v2) for {@code msisdn} to the service centre {@code serviceCentre}
     * (its GT, SSN 8), as an HLR does when a UE with messages waiting is back; from this stack's GT on SSN 6.
     */
    public java.util.concurrent.CompletableFuture<org.mtcgate.map.client.MapOutcome<Boolean>> alertServiceCentre(
            String msisdn, String serviceCentre) {
        org.mtcgate.map.client.MapClient client = org.mtcgate.map.client.MapClient.attach(provider, 5_000, 0);
        return client.begin(org.mtcgate.map.stack.GlobalTitles.routeOnGt(localGt, org.mtcgate.map.stack.Ss7StackConfig.SSN_HLR),
                org.mtcgate.map.stack.GlobalTitles.routeOnGt(serviceCentre, org.mtcgate.map.stack.Ss7StackConfig.SSN_MSC),
                new org.mtcgate.map.client.AlertServiceCentre(
                        parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, msisdn),
                        parameters.createAddressString(AddressNature.international_number, NumberingPlan.ISDN, serviceCentre)))
                .whenComplete((o, e) -> client.detach());
    }

    /** Also tells {@code listener} of each ReportSM-DeliveryStatus, on a jSS7 thread (hand over, do not block). */
    public HlrPeer onReport(java.util.function.Consumer<Report> listener) {
        this.onReport = listener;
        return this;
    }

    /** The next ReportSM-DeliveryStatus not yet taken, waiting up to {@code timeout}; null if none came. */
    public Report nextReport(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return newReports.poll(timeout, unit);
    }

    /** Every ReportSM-DeliveryStatus received, in order. */
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    /** Records a ReportSM-DeliveryStatus and answers it with the MSISDN as stored MSISDN (v2 and later). */
    @Override
    public void onReportSMDeliveryStatusRequest(ReportSMDeliveryStatusRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        try {
            String calling = dialog.getRemoteAddress() == null || dialog.getRemoteAddress().getGlobalTitle() == null
                    ? null : dialog.getRemoteAddress().getGlobalTitle().getDigits();
            Report report = new Report(request.getMsisdn() == null ? null : request.getMsisdn().getAddress(),
                    request.getServiceCentreAddress() == null ? null : request.getServiceCentreAddress().getAddress(),
                    request.getSMDeliveryOutcome(), calling);
            reports.add(report);
            newReports.add(report);
            onReport.accept(report);
            int version = (int) dialog.getApplicationContext().getApplicationContextVersion().getVersion();
            dialog.addReportSMDeliveryStatusResponse(request.getInvokeId(), version >= 2 ? request.getMsisdn() : null, null);
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("ReportSM-DeliveryStatus answer failed; aborting dialog {}", dialog.getLocalDialogId(), e);
            Dialogs.abort(dialog);
        }
    }

    @Override
    public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (dialog.getApplicationContext().getApplicationContextName()
                != MAPApplicationContextName.shortMsgGatewayContext) {
            return;
        }
        try {
            String msisdn = request.getMsisdn() == null ? null : request.getMsisdn().getAddress();
            asked.increment();
            Subscription subscription = msisdn == null ? null : subscriptions.get(msisdn);
            long invokeId = request.getInvokeId();
            if (subscription == null) {
                dialog.sendErrorComponent(invokeId, unknownSubscriber());
                onAnswer.accept(msisdn, "unknownSubscriber");
            } else if (subscription.servingMscNumber() == null && subscription.servingSgsnNumber() == null) {
                dialog.sendErrorComponent(invokeId, absentSubscriber());
                onAnswer.accept(msisdn, "absentSubscriberSM");
            } else {
                onAnswer.accept(msisdn, "IMSI " + subscription.imsi() + ", serving MSC " + subscription.servingMscNumber()
                        + (subscription.servingSgsnNumber() == null ? "" : ", SGSN " + subscription.servingSgsnNumber()));
                if (informFor.contains(msisdn)) {
                    dialog.addInformServiceCentreRequest(request.getMsisdn(),
                            parameters.createMWStatus(false, true, false, false), null, null, null);
                }
                dialog.addSendRoutingInfoForSMResponse(invokeId, parameters.createIMSI(subscription.imsi()),
                        location(subscription), null, null, null);
            }
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("SRI-SM answer failed; aborting dialog {}", dialog.getLocalDialogId(), e);
            Dialogs.abort(dialog);
        }
    }

    /**
     * TS 29.002 12.1.3: networkNode-Number is the MSC, or the SGSN (with gprsNodeIndicator) when there is no MSC;
     * an SGSN beside an MSC goes in additional-Number.
     */
    private LocationInfoWithLMSI location(Subscription s) {
        boolean sgsnOnly = s.servingMscNumber() == null;
        AdditionalNumber additional = sgsnOnly || s.servingSgsnNumber() == null ? null
                : parameters.createAdditionalNumberSgsnNumber(isdn(s.servingSgsnNumber()));
        return parameters.createLocationInfoWithLMSI(isdn(sgsnOnly ? s.servingSgsnNumber() : s.servingMscNumber()),
                null, null, sgsnOnly, additional);
    }

    private ISDNAddressString isdn(String digits) {
        return parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, digits);
    }

    private MAPErrorMessage unknownSubscriber() {
        return provider.getMAPErrorMessageFactory()
                .createMAPErrorMessageUnknownSubscriber(null, UnknownSubscriberDiagnostic.imsiUnknown);
    }

    private MAPErrorMessage absentSubscriber() {
        return provider.getMAPErrorMessageFactory().createMAPErrorMessageAbsentSubscriberSM(
                AbsentSubscriberDiagnosticSM.IMSIDetached, null, null);
    }
}

package org.mtcgate.map.router;

import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortProviderReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortSource;
import org.mobicents.protocols.ss7.map.api.dialog.MAPRefuseReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.IMSI;
import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mtcgate.map.dialog.MapOutcome;
import org.mtcgate.map.peer.SmsListenerAdapter;

/**
 * The router's own dialogs: SendRoutingInfoForSM to the HLR and MT-ForwardSM (ForwardSM in v2) to the serving
 * node, each in the MAP version the incoming dialog used, so that what comes back can be relayed as it is.
 * Each returns a future that always completes normally with a {@link MapOutcome}; it completes on a jSS7
 * thread, so continuations must not block. A dialog that gets no answer ends with the TCAP invoke timer.
 */
final class OutgoingDialogs extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(OutgoingDialogs.class);

    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final int invokeTimeoutMillis;

    /**
     * {@code invokeTimeoutMillis} is passed with every invoke: jSS7's MAP ignores the TCAP stack's invoke timeout
     * and uses its own medium timer (30 s) unless one is given.
     */
    OutgoingDialogs(MAPProvider provider, int invokeTimeoutMillis) {
        this.provider = provider;
        this.invokeTimeoutMillis = invokeTimeoutMillis;
        this.parameters = provider.getMAPParameterFactory();
        provider.getMAPServiceSms().addMAPServiceListener(this);
        provider.addMAPDialogListener(this);
    }

    void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        provider.removeMAPDialogListener(this);
    }

    /**
     * SRI-for-SM; the outcome comes when the HLR's TC-END has been read whole, so that an InformServiceCentre in it
     * (before or after the result) comes with the result.
     */
    CompletableFuture<MapOutcome<RoutingAnswer>> sendRoutingInfoForSm(int version, SccpAddress from,
            SccpAddress hlr, ISDNAddressString msisdn, boolean smRpPri, AddressString serviceCentre,
            boolean gprsSupport) {
        Pending<RoutingAnswer> pending = new Pending<>(this);
        MAPDialogSms dialog = null;
        try {
            dialog = provider.getMAPServiceSms().createNewDialog(context(
                    MAPApplicationContextName.shortMsgGatewayContext, version), from, null, hlr, null);
            dialog.setUserObject(pending);
            dialog.addSendRoutingInfoForSMRequest(invokeTimeoutMillis, msisdn, smRpPri, serviceCentre, null,
                    gprsSupport, null, null, null, false, null, false, false, null);
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.fail("SRI-SM could not be sent: " + e.getMessage());
            release(dialog);
        }
        return pending.future;
    }

    /**
     * ReportSM-DeliveryStatus to the HLR on behalf of an SMSC (v2/v3 carry what the SMSC sent; v1 only MSISDN and
     * service centre); the result is the HLR's answer.
     */
    CompletableFuture<MapOutcome<ReportSMDeliveryStatusResponse>> reportSmDeliveryStatus(int version, SccpAddress from,
            SccpAddress hlr, ReportSMDeliveryStatusRequest report) {
        Pending<ReportSMDeliveryStatusResponse> pending = new Pending<>(this);
        MAPDialogSms dialog = null;
        try {
            dialog = provider.getMAPServiceSms().createNewDialog(context(
                    MAPApplicationContextName.shortMsgGatewayContext, version), from, null, hlr, null);
            dialog.setUserObject(pending);
            dialog.addReportSMDeliveryStatusRequest(invokeTimeoutMillis, report.getMsisdn(),
                    report.getServiceCentreAddress(), report.getSMDeliveryOutcome(),
                    report.getAbsentSubscriberDiagnosticSM(), null, report.getGprsSupportIndicator(),
                    report.getDeliveryOutcomeIndicator(), report.getAdditionalSMDeliveryOutcome(),
                    report.getAdditionalAbsentSubscriberDiagnosticSM());
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.fail("ReportSM-DeliveryStatus could not be sent: " + e.getMessage());
            release(dialog);
        }
        return pending.future;
    }

    /** MT-ForwardSM (v3) or ForwardSM (v2); the result is the SM-RP-UI of the answer (v3), or null. */
    CompletableFuture<MapOutcome<SmsSignalInfo>> forwardSm(int version, SccpAddress from, SccpAddress servingNode,
            IMSI imsi, AddressString serviceCentre, SmsSignalInfo tpdu, boolean moreMessagesToSend) {
        Pending<SmsSignalInfo> pending = new Pending<>(this);
        MAPDialogSms dialog = null;
        try {
            dialog = provider.getMAPServiceSms().createNewDialog(context(
                    MAPApplicationContextName.shortMsgMTRelayContext, version), from, null, servingNode, null);
            dialog.setUserObject(pending);
            if (version >= 3) {
                dialog.addMtForwardShortMessageRequest(invokeTimeoutMillis, parameters.createSM_RP_DA(imsi),
                        parameters.createSM_RP_OA_ServiceCentreAddressOA(serviceCentre), tpdu, moreMessagesToSend,
                        null);
            } else {
                dialog.addForwardShortMessageRequest(invokeTimeoutMillis, parameters.createSM_RP_DA(imsi),
                        parameters.createSM_RP_OA_ServiceCentreAddressOA(serviceCentre), tpdu, moreMessagesToSend);
            }
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.fail("MT-ForwardSM could not be sent: " + e.getMessage());
            release(dialog);
        }
        return pending.future;
    }

    private static void release(MAPDialog dialog) {
        if (dialog != null) {
            dialog.release();
        }
    }

    private static MAPApplicationContext context(MAPApplicationContextName name, int version) {
        return MAPApplicationContext.getInstance(name, MAPApplicationContextVersion.getInstance(version));
    }

    @Override
    public void onSendRoutingInfoForSMResponse(SendRoutingInfoForSMResponse response) {
        Pending<RoutingAnswer> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.result = response;
        }
    }

    @Override
    public void onInformServiceCentreRequest(InformServiceCentreRequest request) {
        Pending<RoutingAnswer> pending = pendingOf(request.getMAPDialog());
        if (pending != null) {
            pending.informServiceCentre = request;
        }
    }

    @Override
    public void onReportSMDeliveryStatusResponse(ReportSMDeliveryStatusResponse response) {
        Pending<ReportSMDeliveryStatusResponse> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.future.complete(new MapOutcome.Result<>(response));
        }
    }

    /** The HLR's TC-END has been read: an SRI-for-SM result kept meanwhile is the outcome. */
    @Override
    public void onDialogClose(MAPDialog dialog) {
        completeRoutingInfo(dialog);
    }

    @Override
    public void onDialogDelimiter(MAPDialog dialog) {
        completeRoutingInfo(dialog);
    }

    private void completeRoutingInfo(MAPDialog dialog) {
        Pending<RoutingAnswer> pending = pendingOf(dialog);
        if (pending != null && pending.result instanceof SendRoutingInfoForSMResponse result) {
            pending.future.complete(new MapOutcome.Result<>(new RoutingAnswer(result, pending.informServiceCentre)));
        }
    }

    @Override
    public void onMtForwardShortMessageResponse(MtForwardShortMessageResponse response) {
        Pending<SmsSignalInfo> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.future.complete(new MapOutcome.Result<>(response.getSM_RP_UI()));
        }
    }

    @Override
    public void onForwardShortMessageResponse(ForwardShortMessageResponse response) {
        Pending<SmsSignalInfo> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.future.complete(new MapOutcome.Result<>(null));
        }
    }

    @Override
    public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            pending.future.complete(new MapOutcome.Error<>(error));
        }
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
        failAndAbort(dialog, (isLocalOriginated ? "answer rejected here: " : "rejected by the peer: ") + problem);
    }

    @Override
    public void onInvokeTimeout(MAPDialog dialog, Long invokeId) {
        failAndAbort(dialog, "no answer within the TCAP invoke timeout");
    }

    @Override
    public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                               MAPExtensionContainer extension) {
        fail(dialog, "dialog refused: " + reason);
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
        fail(dialog, "user abort: " + choice);
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
        fail(dialog, "provider abort: " + reason + " from " + source);
    }

    /** Last callback of every dialog: whatever has not completed by now never will. */
    @Override
    public void onDialogRelease(MAPDialog dialog) {
        completeRoutingInfo(dialog);
        fail(dialog, "dialog ended without an answer");
    }

    private void fail(MAPDialog dialog, String reason) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            pending.fail(reason);
        }
    }

    private void failAndAbort(MAPDialog dialog, String reason) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            pending.fail(reason);
            try {
                dialog.abort(abortChoice());
            } catch (MAPException | RuntimeException e) {
                LOG.debug("abort of outgoing dialog {} failed, releasing it", dialog.getLocalDialogId(), e);
                dialog.release();
            }
        }
    }

    private MAPUserAbortChoice abortChoice() {
        MAPUserAbortChoice choice = parameters.createMAPUserAbortChoice();
        choice.setUserSpecificReason();
        return choice;
    }

    @SuppressWarnings("unchecked")
    private <T> Pending<T> pendingOf(MAPDialog dialog) {
        Object user = dialog.getUserObject();
        return user instanceof Pending<?> p && p.owner == this ? (Pending<T>) p : null;
    }

    /** A request in flight, stored as the dialog's user object. */
    private static final class Pending<T> {
        private final OutgoingDialogs owner;
        private final CompletableFuture<MapOutcome<T>> future = new CompletableFuture<>();
        /** An SRI-for-SM result and InformServiceCentre, kept until the TC-END has been read whole. */
        private volatile Object result;
        private volatile InformServiceCentreRequest informServiceCentre;

        Pending(OutgoingDialogs owner) {
            this.owner = owner;
        }

        void fail(String reason) {
            future.complete(new MapOutcome.Failure<>(reason));
        }
    }
}

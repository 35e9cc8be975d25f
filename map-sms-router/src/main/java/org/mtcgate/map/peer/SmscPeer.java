package org.mtcgate.map.peer;

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
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The SMS-GMSC side of MT delivery: SendRoutingInfoForSM to the HLR (shortMsgGatewayContext v3,
 * TS 29.002 12.1) and MT-ForwardSM to the serving node (shortMsgMTRelayContext v3, TS 29.002 12.9).
 * Each operation returns a future that completes with the result or fails with {@link MapFailure};
 * continuations may run on jSS7 threads, so they must not block.
 */
public final class SmscPeer extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(SmscPeer.class);
    private static final MAPApplicationContext GATEWAY_V3 = MAPApplicationContext.getInstance(
            MAPApplicationContextName.shortMsgGatewayContext, MAPApplicationContextVersion.version3);
    private static final MAPApplicationContext MT_RELAY_V3 = MAPApplicationContext.getInstance(
            MAPApplicationContextName.shortMsgMTRelayContext, MAPApplicationContextVersion.version3);

    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final AddressString serviceCentreAddress;
    private final SccpAddress callingAddress;
    private final int invokeTimeoutMillis;

    /** Attaches to {@code stack}, calling from SSN 8 with the stack's GT as SC address. */
    public SmscPeer(Ss7Stack stack) {
        this(stack, stack.config().localGlobalTitle(), stack.config().localGlobalTitle());
    }

    /**
     * Attaches to {@code stack}, calling from GT {@code callingGt} (SSN 8) with {@code serviceCentreAddress} as
     * SM-RP-OA and SRI-SM service centre address: one lab stack can stand for several SMSCs, or for one that
     * names another in SM-RP-OA. Answers reach it only if its peer routes {@code callingGt} back to it.
     */
    public SmscPeer(Ss7Stack stack, String callingGt, String serviceCentreAddress) {
        this.provider = stack.mapProvider();
        this.parameters = provider.getMAPParameterFactory();
        this.serviceCentreAddress = parameters.createAddressString(AddressNature.international_number,
                NumberingPlan.ISDN, serviceCentreAddress);
        this.callingAddress = GlobalTitles.routeOnGt(callingGt, Ss7StackConfig.SSN_MSC);
        // jSS7's MAP ignores the TCAP stack's invoke timeout (it uses 30 s) unless it is passed with each invoke.
        this.invokeTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, stack.config().invokeTimeoutMillis());
        provider.getMAPServiceSms().addMAPServiceListener(this);
        provider.addMAPDialogListener(this);
    }

    /** Detaches from the stack. */
    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        provider.removeMAPDialogListener(this);
    }

    /** SRI-SM for {@code msisdn}, sent to the HLR whose E.164 GT is {@code hlrGt} (SSN 6). */
    public CompletableFuture<RoutingInfo> sendRoutingInfoForSm(String msisdn, String hlrGt) {
        Pending<RoutingInfo> pending = new Pending<>(this);
        try {
            MAPDialogSms dialog = provider.getMAPServiceSms().createNewDialog(GATEWAY_V3,
                    callingAddress, null,
                    GlobalTitles.routeOnGt(hlrGt, Ss7StackConfig.SSN_HLR), null);
            dialog.setUserObject(pending);
            dialog.addSendRoutingInfoForSMRequest(invokeTimeoutMillis,
                    parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, msisdn),
                    true, serviceCentreAddress, null, false, null, null, null, false, null, false, false, null);
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.future.completeExceptionally(e);
        }
        return pending.future;
    }

    /**
     * ReportSM-DeliveryStatus (v3) for {@code msisdn} with this peer's service centre address, to the HLR whose GT is
     * {@code hlrGt}; completes with the stored MSISDN of the answer (null when it has none).
     */
    public CompletableFuture<String> reportSmDeliveryStatus(String msisdn, String hlrGt, SMDeliveryOutcome outcome) {
        Pending<String> pending = new Pending<>(this);
        try {
            MAPDialogSms dialog = provider.getMAPServiceSms().createNewDialog(GATEWAY_V3, callingAddress, null,
                    GlobalTitles.routeOnGt(hlrGt, Ss7StackConfig.SSN_HLR), null);
            dialog.setUserObject(pending);
            dialog.addReportSMDeliveryStatusRequest(invokeTimeoutMillis,
                    parameters.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, msisdn),
                    serviceCentreAddress, outcome, null, null, false, false, null, null);
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.future.completeExceptionally(e);
        }
        return pending.future;
    }

    /** MT-ForwardSM of {@code tpdu} (an SMS-DELIVER) to {@code imsi} at the serving MSC {@code mscGt} (SSN 8). */
    public CompletableFuture<Void> mtForwardSm(String imsi, String mscGt, byte[] tpdu, boolean moreMessagesToSend) {
        Pending<Void> pending = new Pending<>(this);
        try {
            MAPDialogSms dialog = provider.getMAPServiceSms().createNewDialog(MT_RELAY_V3,
                    callingAddress, null,
                    GlobalTitles.routeOnGt(mscGt, Ss7StackConfig.SSN_MSC), null);
            dialog.setUserObject(pending);
            dialog.addMtForwardShortMessageRequest(invokeTimeoutMillis,
                    parameters.createSM_RP_DA(parameters.createIMSI(imsi)),
                    parameters.createSM_RP_OA_ServiceCentreAddressOA(serviceCentreAddress),
                    parameters.createSmsSignalInfo(tpdu, null), moreMessagesToSend, null);
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            pending.future.completeExceptionally(e);
        }
        return pending.future;
    }

    @Override
    public void onSendRoutingInfoForSMResponse(SendRoutingInfoForSMResponse response) {
        Pending<RoutingInfo> pending = pendingOf(response.getMAPDialog());
        if (pending == null) {
            return;
        }
        try {
            String imsi = response.getIMSI() == null ? null : response.getIMSI().getData();
            String node = response.getLocationInfoWithLMSI() == null
                    || response.getLocationInfoWithLMSI().getNetworkNodeNumber() == null
                    ? null : response.getLocationInfoWithLMSI().getNetworkNodeNumber().getAddress();
            if (imsi == null || node == null) {
                pending.fail(MapFailure.of(MapFailure.Kind.NO_ANSWER, "SRI-SM result without IMSI or node number"));
            } else {
                pending.future.complete(new RoutingInfo(imsi, node, pending.informedStoredMsisdn));
            }
        } catch (RuntimeException e) {
            LOG.warn("malformed SRI-SM result", e);
            pending.fail(e);
        }
    }

    /** InformServiceCentre sent with (before) an SRI-SM result: kept for the {@link RoutingInfo}. */
    @Override
    public void onInformServiceCentreRequest(InformServiceCentreRequest request) {
        Pending<RoutingInfo> pending = pendingOf(request.getMAPDialog());
        if (pending != null) {
            pending.informedStoredMsisdn = request.getStoredMSISDN() == null ? "" : request.getStoredMSISDN().getAddress();
        }
    }

    @Override
    public void onReportSMDeliveryStatusResponse(ReportSMDeliveryStatusResponse response) {
        Pending<String> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.future.complete(response.getStoredMSISDN() == null ? null : response.getStoredMSISDN().getAddress());
        }
    }

    @Override
    public void onMtForwardShortMessageResponse(MtForwardShortMessageResponse response) {
        Pending<Void> pending = pendingOf(response.getMAPDialog());
        if (pending != null) {
            pending.future.complete(null);
        }
    }

    @Override
    public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            Long code = error.getErrorCode();
            pending.fail(MapFailure.error(code == null ? -1 : code, String.valueOf(error)));
        }
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
        failAndAbort(dialog, MapFailure.Kind.REJECT, "component rejected: " + problem);
    }

    @Override
    public void onInvokeTimeout(MAPDialog dialog, Long invokeId) {
        failAndAbort(dialog, MapFailure.Kind.INVOKE_TIMEOUT, "no answer within the invoke timeout");
    }

    @Override
    public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                               MAPExtensionContainer extension) {
        fail(dialog, MapFailure.Kind.DIALOG_REFUSED, "dialog refused: " + reason);
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
        fail(dialog, MapFailure.Kind.DIALOG_ABORTED, "user abort: " + choice);
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
        fail(dialog, MapFailure.Kind.DIALOG_ABORTED, "provider abort: " + reason + " from " + source);
    }

    @Override
    public void onDialogTimeout(MAPDialog dialog) {
        fail(dialog, MapFailure.Kind.NO_ANSWER, "dialog idle timeout");
    }

    /** Last callback of every dialog: whatever has not completed by now never will. */
    @Override
    public void onDialogRelease(MAPDialog dialog) {
        fail(dialog, MapFailure.Kind.NO_ANSWER, "dialog released without a result");
    }

    private void fail(MAPDialog dialog, MapFailure.Kind kind, String message) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            pending.fail(MapFailure.of(kind, message));
        }
    }

    private void failAndAbort(MAPDialog dialog, MapFailure.Kind kind, String message) {
        Pending<?> pending = pendingOf(dialog);
        if (pending != null) {
            pending.fail(MapFailure.of(kind, message));
            Dialogs.abort(dialog);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Pending<T> pendingOf(MAPDialog dialog) {
        Object user = dialog.getUserObject();
        return user instanceof Pending<?> p && p.owner == this ? (Pending<T>) p : null;
    }

    /** A request in flight, stored as the dialog's user object. */
    private static final class Pending<T> {
        private final SmscPeer owner;
        private final CompletableFuture<T> future = new CompletableFuture<>();
        private volatile String informedStoredMsisdn;

        Pending(SmscPeer owner) {
            this.owner = owner;
        }

        void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }
}

package org.mtcgate.map.peer;

import java.util.concurrent.CompletableFuture;
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
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_OA;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The MSC (SMS-IWMSC side) relaying a UE's SMS-SUBMIT to its SMS-SC: MO-ForwardSM in shortMsgMORelayContext v3,
 * or ForwardSM in v2 (TS 29.002 12.2), SM-RP-DA = the service centre address, SM-RP-OA = the UE's MSISDN. The
 * future completes when the SMS-SC answers with a result, or fails with {@link MapFailure}.
 */
public final class MoSender extends SmsListenerAdapter {
    private final Ss7Stack stack;
    private final MAPProvider provider;
    private final MAPParameterFactory parameters;
    private final int invokeTimeoutMillis;

    public MoSender(Ss7Stack stack) {
        this.stack = stack;
        this.provider = stack.mapProvider();
        this.parameters = provider.getMAPParameterFactory();
        this.invokeTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, stack.config().invokeTimeoutMillis());
        provider.getMAPServiceSms().addMAPServiceListener(this);
        provider.addMAPDialogListener(this);
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        provider.removeMAPDialogListener(this);
    }

    /**
     * Sends {@code tpdu} (an SMS-SUBMIT) from {@code msisdn} to the service centre {@code serviceCentre}, over
     * SCCP to GT {@code smscGt} (SSN 8), in MAP {@code version} 2 or 3.
     */
    public CompletableFuture<Void> moForwardSm(String serviceCentre, String smscGt, String msisdn, byte[] tpdu,
                                               int version) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            MAPDialogSms dialog = provider.getMAPServiceSms().createNewDialog(MAPApplicationContext.getInstance(
                            MAPApplicationContextName.shortMsgMORelayContext, MAPApplicationContextVersion.getInstance(version)),
                    stack.localAddress(Ss7StackConfig.SSN_MSC), null,
                    GlobalTitles.routeOnGt(smscGt, Ss7StackConfig.SSN_MSC), null);
            dialog.setUserObject(new Pending(this, result));
            SM_RP_DA da = parameters.createSM_RP_DA(parameters.createAddressString(AddressNature.international_number,
                    NumberingPlan.ISDN, serviceCentre));
            SM_RP_OA oa = parameters.createSM_RP_OA_Msisdn(parameters.createISDNAddressString(
                    AddressNature.international_number, NumberingPlan.ISDN, msisdn));
            SmsSignalInfo ui = parameters.createSmsSignalInfo(tpdu, null);
            if (version >= 3) {
                dialog.addMoForwardShortMessageRequest(invokeTimeoutMillis, da, oa, ui, null, null);
            } else {
                dialog.addForwardShortMessageRequest(invokeTimeoutMillis, da, oa, ui, false);
            }
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void onMoForwardShortMessageResponse(MoForwardShortMessageResponse response) {
        complete(response.getMAPDialog());
    }

    @Override
    public void onForwardShortMessageResponse(ForwardShortMessageResponse response) {
        complete(response.getMAPDialog());
    }

    private void complete(MAPDialog dialog) {
        Pending pending = pendingOf(dialog);
        if (pending != null) {
            pending.future.complete(null);
        }
    }

    @Override
    public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
        Long code = error.getErrorCode();
        fail(dialog, MapFailure.error(code == null ? -1 : code, String.valueOf(error)));
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
        if (fail(dialog, MapFailure.of(MapFailure.Kind.REJECT, "component rejected: " + problem))) {
            Dialogs.abort(dialog);
        }
    }

    @Override
    public void onInvokeTimeout(MAPDialog dialog, Long invokeId) {
        if (fail(dialog, MapFailure.of(MapFailure.Kind.INVOKE_TIMEOUT, "no answer within the invoke timeout"))) {
            Dialogs.abort(dialog);
        }
    }

    @Override
    public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                               MAPExtensionContainer extension) {
        fail(dialog, MapFailure.of(MapFailure.Kind.DIALOG_REFUSED, "dialog refused: " + reason));
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
        fail(dialog, MapFailure.of(MapFailure.Kind.DIALOG_ABORTED, "user abort: " + choice));
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
        fail(dialog, MapFailure.of(MapFailure.Kind.DIALOG_ABORTED, "provider abort: " + reason));
    }

    @Override
    public void onDialogRelease(MAPDialog dialog) {
        fail(dialog, MapFailure.of(MapFailure.Kind.NO_ANSWER, "dialog released without a result"));
    }

    private boolean fail(MAPDialog dialog, MapFailure failure) {
        Pending pending = pendingOf(dialog);
        return pending != null && pending.future.completeExceptionally(failure);
    }

    private Pending pendingOf(MAPDialog dialog) {
        return dialog.getUserObject() instanceof Pending p && p.owner == this ? p : null;
    }

    private record Pending(MoSender owner, CompletableFuture<Void> future) {
    }
}

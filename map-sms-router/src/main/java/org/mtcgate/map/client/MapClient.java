package org.mtcgate.map.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortProviderReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortSource;
import org.mobicents.protocols.ss7.map.api.dialog.MAPRefuseReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.service.sms.AlertServiceCentreResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.ReportSMDeliveryStatusResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.dialog.SmsListenerAdapter;

/**
 * The outgoing side of MAP SMS dialogs (TC-BEGIN with one invoke; TC-END with a result or an error): every party
 * here that asks a MAP peer something does it through one of these. Each {@link OutgoingDialog} is the user object
 * of its dialog, so callbacks find it without a table or a lock; dialogs of other listeners on the same provider
 * are recognised by owner and ignored. Every operation ends in exactly one {@link MapOutcome}: result, MAP error,
 * reject, invoke timeout, refusal, user or provider abort, dialog timeout, or a release without any of these. After
 * a reject or an invoke timeout the dialog is aborted (U-ABORT; only locally when the peer has not answered yet, as
 * TCAP knows no peer transaction then), so that it does not hold a TCAP dialog until the idle timer.
 *
 * <p>An optional bound on the operations in flight answers {@link MapOutcome.Kind#BUSY} beyond it, without
 * touching the stack; unbounded (0), nothing is counted.
 */
public final class MapClient extends SmsListenerAdapter {
    private final MAPProvider provider;
    private final int invokeTimeoutMillis;
    private final int maxInFlight;
    private final AtomicInteger inFlight;

    private MapClient(MAPProvider provider, long invokeTimeoutMillis, int maxInFlight) {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight < 0: " + maxInFlight);
        }
        this.provider = provider;
        this.invokeTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, invokeTimeoutMillis);
        this.maxInFlight = maxInFlight;
        this.inFlight = maxInFlight == 0 ? null : new AtomicInteger();
    }

    /**
     * A client on {@code provider}, registered as its SMS service and dialog listener until {@link #detach()}.
     * {@code invokeTimeoutMillis} goes with every invoke: jSS7's MAP ignores the TCAP stack's invoke timeout and
     * uses its own medium timer (30 s) unless one is given. {@code maxInFlight} 0 means no bound.
     */
    public static MapClient attach(MAPProvider provider, long invokeTimeoutMillis, int maxInFlight) {
        MapClient client = new MapClient(provider, invokeTimeoutMillis, maxInFlight);
        provider.getMAPServiceSms().addMAPServiceListener(client);
        provider.addMAPDialogListener(client);
        return client;
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        provider.removeMAPDialogListener(this);
    }

    public MAPProvider provider() {
        return provider;
    }

    /** Operations sent and not yet ended; 0 when the client is unbounded (it does not count then). */
    public int inFlight() {
        return inFlight == null ? 0 : inFlight.get();
    }

    /** Sends {@code operation} in a new dialog from {@code from} to {@code to}; returns its outcome. */
    public <T> CompletableFuture<MapOutcome<T>> begin(SccpAddress from, SccpAddress to, OutgoingDialog<T> operation) {
        if (operation.client != null) {
            throw new IllegalStateException("an operation is sent once");
        }
        operation.client = this;
        if (inFlight != null && inFlight.incrementAndGet() > maxInFlight) {
            operation.end(new MapOutcome.Failure<>(MapOutcome.Kind.BUSY, maxInFlight + " dialogs already in flight"));
            return operation.outcome();
        }
        MAPDialogSms dialog = null;
        try {
            dialog = provider.getMAPServiceSms().createNewDialog(operation.context(), from, null, to, null);
            dialog.setUserObject(operation);
            operation.invoke(dialog, invokeTimeoutMillis);
            dialog.send();
        } catch (MAPException | RuntimeException e) {
            operation.fail(MapOutcome.Kind.NOT_SENT, String.valueOf(e.getMessage()));
            if (dialog != null) {
                dialog.release();
            }
        }
        return operation.outcome();
    }

    boolean bounded() {
        return inFlight != null;
    }

    void ended() {
        inFlight.decrementAndGet();
    }

    private OutgoingDialog<?> mine(MAPDialog dialog) {
        return dialog.getUserObject() instanceof OutgoingDialog<?> o && o.client == this ? o : null;
    }

    private void component(MAPDialog dialog, org.mobicents.protocols.ss7.map.api.MAPMessage message) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.onComponent(message);
        }
    }

    @Override
    public void onSendRoutingInfoForSMResponse(SendRoutingInfoForSMResponse response) {
        component(response.getMAPDialog(), response);
    }

    @Override
    public void onInformServiceCentreRequest(InformServiceCentreRequest request) {
        component(request.getMAPDialog(), request);
    }

    @Override
    public void onReportSMDeliveryStatusResponse(ReportSMDeliveryStatusResponse response) {
        component(response.getMAPDialog(), response);
    }

    @Override
    public void onAlertServiceCentreResponse(AlertServiceCentreResponse response) {
        component(response.getMAPDialog(), response);
    }

    @Override
    public void onMtForwardShortMessageResponse(MtForwardShortMessageResponse response) {
        component(response.getMAPDialog(), response);
    }

    @Override
    public void onMoForwardShortMessageResponse(MoForwardShortMessageResponse response) {
        component(response.getMAPDialog(), response);
    }

    @Override
    public void onForwardShortMessageResponse(ForwardShortMessageResponse response) {
        component(response.getMAPDialog(), response);
    }

    /** The peer's TC-END has been read. */
    @Override
    public void onDialogClose(MAPDialog dialog) {
        messageEnd(dialog);
    }

    @Override
    public void onDialogDelimiter(MAPDialog dialog) {
        messageEnd(dialog);
    }

    private void messageEnd(MAPDialog dialog) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.onMessageEnd();
        }
    }

    @Override
    public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.end(new MapOutcome.Error<>(error));
        }
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
        failAndAbort(dialog, MapOutcome.Kind.REJECT,
                (isLocalOriginated ? "answer rejected here: " : "rejected by the peer: ") + problem);
    }

    @Override
    public void onInvokeTimeout(MAPDialog dialog, Long invokeId) {
        failAndAbort(dialog, MapOutcome.Kind.INVOKE_TIMEOUT, "no answer within the TCAP invoke timeout");
    }

    @Override
    public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                               MAPExtensionContainer extension) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.end(new MapOutcome.Refused<>(String.valueOf(reason),
                    reason == MAPRefuseReason.ApplicationContextNotSupported));
        }
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
        fail(dialog, MapOutcome.Kind.USER_ABORT, "user abort: " + choice);
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
        fail(dialog, MapOutcome.Kind.PROVIDER_ABORT, "provider abort: " + reason + " from " + source);
    }

    @Override
    public void onDialogTimeout(MAPDialog dialog) {
        fail(dialog, MapOutcome.Kind.DIALOG_TIMEOUT, "dialog idle timeout");
    }

    /**
     * Last callback of every dialog: whatever has not completed by now never will. Usually it has: then nothing is
     * allocated here.
     */
    @Override
    public void onDialogRelease(MAPDialog dialog) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null && !operation.outcome().isDone()) {
            operation.onMessageEnd();
            operation.fail(MapOutcome.Kind.NO_ANSWER, "dialog ended without an answer");
        }
    }

    private void fail(MAPDialog dialog, MapOutcome.Kind kind, String reason) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.fail(kind, reason);
        }
    }

    private void failAndAbort(MAPDialog dialog, MapOutcome.Kind kind, String reason) {
        OutgoingDialog<?> operation = mine(dialog);
        if (operation != null) {
            operation.fail(kind, reason);
            Dialogs.abort(dialog);
        }
    }
}

package org.mtcgate.map.smsc;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.SMEnumeratedDeliveryFailureCause;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_OA;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.concat.ConcatenationTracker;
import org.mtcgate.map.dialog.DialogGuard;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.dialog.IncomingDialog;
import org.mtcgate.map.dialog.MapErrors;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Links;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.ConcatenationLimits;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.Tpdu;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

/**
 * The SMS-SC's MO path (TS 33.187 6.1: SMs from the SMS-IWMSC are filtered too): MO-ForwardSM in
 * shortMsgMORelayContext v3, ForwardSM in v1/v2 (TS 29.002 12.2). Every SMS-SUBMIT passes the filter engine with
 * ingress SMS_IWMSC_MO and the UE's MSISDN as originator; an ordinary UE's trigger (TP-PID 0x48, which an MS
 * must not send, TS 23.040 9.2.3.9) or other protected kind is refused with facilityNotSupported. Allowed SMs go
 * to the {@link MoSmSink} and are answered with a result once it has taken them.
 *
 * <p>MO-ForwardSM is taken only over links to home-zone MSC, VLR or SGSN peers (a configured peer in zone home
 * with SSN 8, 7 or 149): from any other link it is refused with facilityNotSupported (TS 29.002 12.2: "the
 * requested facility is not supported by the PLMN"; unexpectedDataValue would blame a parameter, and none is
 * wrong) before anything of it is acted on, and reported as a verdict with rule {@value #NOT_HOME_RULE}.
 *
 * <p>Errors, counted and reported: SM-RP-DA not one of this SMS-SC's addresses: SM-DeliveryFailure
 * (unknownServiceCentre); SM-RP-DA or SM-RP-OA of the wrong kind: unexpectedDataValue; TPDU not an SMS-SUBMIT:
 * SM-DeliveryFailure (equipmentProtocolError); sink failed: SM-DeliveryFailure (sc-Congestion). Wrong contexts
 * and stray components: the stack's {@link DialogGuard}.
 */
public final class MoForwardSmHandler extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(MoForwardSmHandler.class);
    private static final Set<MAPApplicationContextName> SERVED =
            EnumSet.of(MAPApplicationContextName.shortMsgMORelayContext);
    static final String NOT_HOME_RULE = "mo-not-from-home-msc";
    private static final Verdict NOT_FROM_HOME = Verdict.block(NOT_HOME_RULE,
            "MO-ForwardSM is taken only from home-zone MSC, VLR and SGSN peers", RequestStatus.NOTAUTHORIZED);
    private static final Set<Integer> RELAY_SSNS = Set.of(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_VLR,
            Ss7StackConfig.SSN_SGSN);

    private final MAPProvider provider;
    private final MapErrors errors;
    private final FilterEngine filter;
    private final MoSmSink sink;
    private final MoObserver observer;
    private final Set<String> serviceCentres;
    private final MoCounters counters = new MoCounters();
    private final DialogGuard guard;
    private final Ss7Links links;
    private final ConcatenationTracker concatenation = new ConcatenationTracker(
            ConcatenationLimits.MAX_MESSAGES, ConcatenationLimits.TIMEOUT, TimeSource.SYSTEM);

    private MoForwardSmHandler(Ss7Stack stack, FilterEngine filter, MoSmSink sink, MoObserver observer,
                               Set<String> serviceCentres) {
        this.provider = stack.mapProvider();
        this.errors = new MapErrors(provider);
        this.filter = Objects.requireNonNull(filter, "filter");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.serviceCentres = Set.copyOf(serviceCentres);
        if (this.serviceCentres.isEmpty()) {
            throw new IllegalArgumentException("at least one service centre address");
        }
        for (String sc : this.serviceCentres) {
            if (Digits.globalTitle(sc) == null) {
                throw new IllegalArgumentException("service centre address must be 1..15 digits: " + sc);
            }
        }
        this.guard = DialogGuard.of(stack.mapProvider());
        this.links = stack.links();
    }

    /**
     * Serves MO-ForwardSM on {@code stack} for the service centre addresses {@code serviceCentres} (E.164 digits,
     * as they come in SM-RP-DA). Register before {@link Ss7Stack#connect()}.
     */
    public static MoForwardSmHandler attach(Ss7Stack stack, FilterEngine filter, MoSmSink sink, MoObserver observer,
                                            Set<String> serviceCentres) {
        MoForwardSmHandler handler = new MoForwardSmHandler(stack, filter, sink, observer, serviceCentres);
        handler.guard.serve(SERVED, handler::protocolError);
        handler.provider.getMAPServiceSms().addMAPServiceListener(handler);
        return handler;
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        guard.withdraw(this::protocolError);
    }

    public MoCounters.Snapshot counters() {
        return counters.snapshot();
    }

    @Override
    public void onMoForwardShortMessageRequest(MoForwardShortMessageRequest request) {
        handle(request.getMAPDialog(), request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_OA(),
                request.getSM_RP_UI());
    }

    /** MAP v1/v2 ForwardSM; in shortMsgMORelayContext it is the MO-ForwardSM. */
    @Override
    public void onForwardShortMessageRequest(ForwardShortMessageRequest request) {
        handle(request.getMAPDialog(), request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_OA(),
                request.getSM_RP_UI());
    }

    private void handle(MAPDialogSms dialog, long invokeId, SM_RP_DA da, SM_RP_OA oa, SmsSignalInfo ui) {
        if (dialog.getApplicationContext().getApplicationContextName()
                != MAPApplicationContextName.shortMsgMORelayContext) {
            return;
        }
        IncomingDialog in = IncomingDialog.claim(dialog, invokeId, this::protocolError);
        if (in == null) {
            return;
        }
        counters.received.increment();
        RemotePeer peer = links.peerOf(dialog);
        ArrivalLink link = links.of(dialog);
        if (peer == null || peer.zone() != Zone.HOME || peer.ssns().stream().noneMatch(RELAY_SSNS::contains)) {
            refuseForeignLink(in, dialog, oa, ui, link);
            return;
        }
        GlobalTitle serviceCentre = da == null || da.getServiceCentreAddressDA() == null ? null
                : Digits.globalTitle(da.getServiceCentreAddressDA().getAddress());
        GlobalTitle ue = oa == null || oa.getMsisdn() == null ? null : Digits.globalTitle(oa.getMsisdn().getAddress());
        if (serviceCentre == null || ue == null) {
            refuse(in, ProtocolError.MALFORMED_REQUEST, errors.unexpectedDataValue(),
                    "SM-RP-DA must be a service centre address and SM-RP-OA an MSISDN");
            return;
        }
        if (!serviceCentres.contains(serviceCentre.digits())) {
            refuse(in, ProtocolError.UNKNOWN_SERVICE_CENTRE, errors.smDeliveryFailure(in.mapVersion(),
                    SMEnumeratedDeliveryFailureCause.unknownServiceCentre), serviceCentre + " is not served here");
            return;
        }
        byte[] tpdu = ui == null ? null : ui.getData();
        Tpdu decoded;
        try {
            if (tpdu == null) {
                throw new TpduException("SM-RP-UI", 0, "missing");
            }
            decoded = TpduCodec.decodeMo(tpdu);
        } catch (TpduException e) {
            refuse(in, ProtocolError.MALFORMED_TPDU, errors.smDeliveryFailure(in.mapVersion(),
                    SMEnumeratedDeliveryFailureCause.equipmentProtocolError), e.getMessage());
            return;
        }
        GlobalTitle relayedBy = Dialogs.callingGlobalTitle(dialog);
        InboundItem item = MoItems.item(ue, relayedBy, link, decoded);
        Verdict verdict = concatenation.screen(item, filter.policy().kindOf(item), filter.evaluate(item));
        if (!verdict.allowed()) {
            in.answerError(errors.facilityNotSupported(), () -> {
                counters.blocked.increment();
                notify(() -> observer.blocked(item, verdict));
            });
            return;
        }
        if (!(decoded instanceof SmsSubmit submit)) {
            refuse(in, ProtocolError.COMMAND_NOT_SERVED, errors.smDeliveryFailure(in.mapVersion(),
                    SMEnumeratedDeliveryFailureCause.equipmentProtocolError), "SMS-COMMAND passed the filter: "
                    + "this SMS-SC keeps no submitted SM to act on");
            return;
        }
        CompletionStage<Void> stored;
        try {
            stored = sink.accept(new MoShortMessage(ue, serviceCentre, relayedBy, submit, tpdu));
        } catch (RuntimeException e) {
            stored = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((ok, failure) -> {
            if (failure != null) {
                refuse(in, ProtocolError.SINK_FAILED, errors.smDeliveryFailure(in.mapVersion(),
                        SMEnumeratedDeliveryFailureCause.scCongestion), String.valueOf(failure));
            } else {
                in.answer((d, id) -> {
                    if (in.mapVersion() >= 3) {
                        ((MAPDialogSms) d).addMoForwardShortMessageResponse(id, null, null);
                    } else {
                        ((MAPDialogSms) d).addForwardShortMessageResponse(id);
                    }
                }, () -> {
                    counters.accepted.increment();
                    notify(() -> observer.accepted(item, verdict));
                });
            }
        });
    }

    /** Refused before anything else is looked at; the item, when it decodes, is kept for the audit line. */
    private void refuseForeignLink(IncomingDialog in, MAPDialogSms dialog, SM_RP_OA oa, SmsSignalInfo ui, ArrivalLink link) {
        GlobalTitle ue = oa == null || oa.getMsisdn() == null ? null : Digits.globalTitle(oa.getMsisdn().getAddress());
        InboundItem item = null;
        if (ue != null && ui != null && ui.getData() != null) {
            try {
                item = MoItems.item(ue, Dialogs.callingGlobalTitle(dialog), link, TpduCodec.decodeMo(ui.getData()));
            } catch (TpduException e) {
                item = null;
            }
        }
        if (item == null) {
            refuse(in, ProtocolError.NOT_FROM_HOME_LINK, errors.facilityNotSupported(),
                    "MO-ForwardSM over " + (link == null ? "an unknown link" : link.toString()));
            return;
        }
        InboundItem audited = item;
        in.answerError(errors.facilityNotSupported(), () -> {
            counters.blocked.increment();
            counters.protocolError(ProtocolError.NOT_FROM_HOME_LINK);
            notify(() -> observer.blocked(audited, NOT_FROM_HOME));
        });
    }

    private void refuse(IncomingDialog in, ProtocolError error, MAPErrorMessage answer, String detail) {
        in.answerError(answer, () -> protocolError(error, detail));
    }

    private void protocolError(ProtocolError error, String detail) {
        counters.protocolError(error);
        LOG.debug("{}: {}", error.counterName(), detail);
        notify(() -> observer.protocolError(error, detail));
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("MO observer failed", e);
        }
    }
}

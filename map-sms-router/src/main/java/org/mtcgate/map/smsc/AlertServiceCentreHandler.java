package org.mtcgate.map.smsc;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.service.sms.AlertServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.dialog.DialogGuard;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.dialog.IncomingDialog;
import org.mtcgate.map.dialog.MapErrors;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.ProtocolErrorReporter;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Links;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The SMS-SC's side of the alert service (TS 23.040 3.2.5, TS 29.002 12.4): AlertServiceCentre (shortMsgAlertContext
 * v2) from the HLR when a UE for which messages wait is reachable again. The SMS-SC then tries its waiting SMs for
 * that MSISDN at once instead of at their next retry.
 *
 * <p>Taken only over links to home-zone HLR peers (SSN 6): an alert is harmless in itself, but accepting one from
 * anywhere would let a peer make the SMS-SC send on demand. Others get facilityNotSupported; an alert for another
 * service centre address gets unexpectedDataValue. Each is counted and reported (audited by the node).
 */
public final class AlertServiceCentreHandler extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(AlertServiceCentreHandler.class);
    private static final Set<MAPApplicationContextName> SERVED = EnumSet.of(MAPApplicationContextName.shortMsgAlertContext);

    private final MAPProvider provider;
    private final MapErrors errors;
    private final DialogGuard guard;
    private final Ss7Links links;
    private final Set<String> serviceCentres;
    private final Consumer<Msisdn> alerted;
    private final ProtocolErrorReporter refusals;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    private AlertServiceCentreHandler(Ss7Stack stack, Set<String> serviceCentres, Consumer<Msisdn> alerted,
                                      ProtocolErrorReporter refusals) {
        this.refusals = refusals;
        this.provider = stack.mapProvider();
        this.errors = new MapErrors(provider);
        this.guard = DialogGuard.of(provider);
        this.links = stack.links();
        this.serviceCentres = Set.copyOf(serviceCentres);
        this.alerted = alerted;
    }

    /**
     * Serves AlertServiceCentre on {@code stack} for {@code serviceCentres}; {@code alerted} hears each MSISDN that is
     * back (on a jSS7 thread: hand over, do not block); {@code refusals} hears each refused alert (to audit it).
     * Register before {@link Ss7Stack#connect()}.
     */
    public static AlertServiceCentreHandler attach(Ss7Stack stack, Set<String> serviceCentres, Consumer<Msisdn> alerted,
                                                   ProtocolErrorReporter refusals) {
        AlertServiceCentreHandler handler = new AlertServiceCentreHandler(stack, serviceCentres, alerted, refusals);
        handler.guard.serve(SERVED, handler::protocolError);
        handler.provider.getMAPServiceSms().addMAPServiceListener(handler);
        return handler;
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
        guard.withdraw(this::protocolError);
    }

    public long acceptedCount() {
        return accepted.sum();
    }

    public long refusedCount() {
        return refused.sum();
    }

    @Override
    public void onAlertServiceCentreRequest(AlertServiceCentreRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        IncomingDialog in = IncomingDialog.claim(dialog, request.getInvokeId(), this::protocolError);
        if (in == null) {
            return;
        }
        RemotePeer peer = links.peerOf(dialog);
        if (peer == null || peer.zone() != Zone.HOME || !peer.ssns().contains(Ss7StackConfig.SSN_HLR)) {
            in.answerError(errors.facilityNotSupported(), () -> protocolError(ProtocolError.NOT_FROM_HOME_LINK,
                    "AlertServiceCentre over " + links.of(dialog)));
            return;
        }
        GlobalTitle ue = request.getMsisdn() == null ? null : Digits.globalTitle(request.getMsisdn().getAddress());
        GlobalTitle sc = request.getServiceCentreAddress() == null ? null
                : Digits.globalTitle(request.getServiceCentreAddress().getAddress());
        if (ue == null || sc == null || !serviceCentres.contains(sc.digits())) {
            in.answerError(errors.unexpectedDataValue(), () -> protocolError(ProtocolError.MALFORMED_REQUEST,
                    "AlertServiceCentre for " + (sc == null ? "no service centre" : sc.digits()) + " or without an MSISDN"));
            return;
        }
        in.answer((d, id) -> ((MAPDialogSms) d).addAlertServiceCentreResponse(id), () -> {
            accepted.increment();
            try {
                alerted.accept(Msisdn.of(ue.digits()));
            } catch (RuntimeException e) {
                LOG.warn("handing over the alert for {} failed", ue, e);
            }
        });
    }

    private void protocolError(ProtocolError error, String detail) {
        refused.increment();
        LOG.debug("{}: {}", error.counterName(), detail);
        try {
            refusals.report(error, detail);
        } catch (RuntimeException e) {
            LOG.warn("alert refusal observer failed", e);
        }
    }
}

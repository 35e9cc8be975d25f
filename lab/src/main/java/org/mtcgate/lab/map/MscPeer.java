package org.mtcgate.lab.map;

import org.mtcgate.map.dialog.SmsListenerAdapter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.SMEnumeratedDeliveryFailureCause;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

/**
 * A lab serving MSC accepting MT-ForwardSM (TS 29.002 12.9; ForwardSM in v2): it decodes SM-RP-UI as an SMS-DELIVER with
 * {@link TpduCodec} and records it per IMSI. A TPDU that does not decode is answered with
 * SM-DeliveryFailure / equipmentProtocolError (TS 29.002 17.7.6) instead of being accepted.
 */
public final class MscPeer extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(MscPeer.class);

    private final MAPProvider provider;
    private final Map<String, ConcurrentLinkedQueue<SmsDeliver>> delivered = new ConcurrentHashMap<>();
    /** Per IMSI, the serving-node GTs (called GT) its MT-ForwardSMs came to, in order. */
    private final Map<String, ConcurrentLinkedQueue<String>> attempts = new ConcurrentHashMap<>();
    /** "imsi@node GT" pairs this peer answers with absentSubscriberSM. */
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.LinkedBlockingQueue<String> absentAnswers = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.LinkedBlockingQueue<Map.Entry<String, SmsDeliver>> newDeliveries =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private final BiConsumer<String, SmsDeliver> onDelivered;
    private final boolean keep;

    public MscPeer(Ss7Stack stack) {
        this(stack, (imsi, sm) -> { }, true);
    }

    /**
     * Also calls {@code onDelivered} (on a jSS7 thread: quick, no blocking) with each SMS-DELIVER it accepts, and
     * keeps them for {@link #deliveredTo} only when {@code keep} (not in load runs: memory would grow).
     */
    public MscPeer(Ss7Stack stack, BiConsumer<String, SmsDeliver> onDelivered, boolean keep) {
        this.provider = stack.mapProvider();
        this.onDelivered = onDelivered;
        this.keep = keep;
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
    }

    /**
     * Makes the UE absent at one of the serving nodes this stack stands for (an MSC and an SGSN may share it, told
     * apart by the called GT): MT-ForwardSM for it there gets absentSubscriberSM.
     */
    public MscPeer absent(String imsi, String nodeGlobalTitle) {
        absent.add(imsi + "@" + nodeGlobalTitle);
        return this;
    }

    /** The UE is back at that node: MT-ForwardSM for it there is accepted again. */
    public MscPeer present(String imsi, String nodeGlobalTitle) {
        absent.remove(imsi + "@" + nodeGlobalTitle);
        return this;
    }

    /** The next "imsi@node GT" answered with absentSubscriberSM, waiting up to {@code timeout}; null if none came. */
    public String nextAbsentAnswer(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return absentAnswers.poll(timeout, unit);
    }

    /** The next SMS-DELIVER accepted (IMSI and SM) not yet taken, waiting up to {@code timeout}; null if none came. */
    public Map.Entry<String, SmsDeliver> nextDelivered(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return newDeliveries.poll(timeout, unit);
    }

    /** The serving-node GTs MT-ForwardSMs for {@code imsi} were sent to, oldest first, answered or not. */
    public List<String> attemptsFor(String imsi) {
        ConcurrentLinkedQueue<String> queue = attempts.get(imsi);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    /** SMS-DELIVERs accepted for {@code imsi}, oldest first. */
    public List<SmsDeliver> deliveredTo(String imsi) {
        ConcurrentLinkedQueue<SmsDeliver> queue = delivered.get(imsi);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    @Override
    public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
        accept(request.getMAPDialog(), request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_UI());
    }

    /** MAP v2 ForwardSM, which is the MT-ForwardSM in shortMsgMTRelayContext v2. */
    @Override
    public void onForwardShortMessageRequest(ForwardShortMessageRequest request) {
        accept(request.getMAPDialog(), request.getInvokeId(), request.getSM_RP_DA(), request.getSM_RP_UI());
    }

    private void accept(MAPDialogSms dialog, long invokeId, SM_RP_DA da, SmsSignalInfo ui) {
        if (dialog.getApplicationContext().getApplicationContextName()
                != MAPApplicationContextName.shortMsgMTRelayContext) {
            return;
        }
        int version = dialog.getApplicationContext().getApplicationContextVersion().getVersion();
        try {
            String imsi = da == null || da.getIMSI() == null ? null : da.getIMSI().getData();
            byte[] tpdu = ui == null ? null : ui.getData();
            String node = calledGlobalTitle(dialog);
            if (imsi != null && keep) {
                attempts.computeIfAbsent(imsi, k -> new ConcurrentLinkedQueue<>()).add(node);
            }
            if (imsi == null || tpdu == null) {
                dialog.sendErrorComponent(invokeId,
                        deliveryFailure(version, SMEnumeratedDeliveryFailureCause.equipmentProtocolError));
            } else if (absent.contains(imsi + "@" + node)) {
                if (keep) {
                    absentAnswers.add(imsi + "@" + node);
                }
                dialog.sendErrorComponent(invokeId, provider.getMAPErrorMessageFactory()
                        .createMAPErrorMessageAbsentSubscriberSM(AbsentSubscriberDiagnosticSM.IMSIDetached, null, null));
            } else {
                try {
                    SmsDeliver deliver = TpduCodec.decodeDeliver(tpdu);
                    if (keep) {
                        delivered.computeIfAbsent(imsi, k -> new ConcurrentLinkedQueue<>()).add(deliver);
                        newDeliveries.add(Map.entry(imsi, deliver));
                    }
                    if (version >= 3) {
                        dialog.addMtForwardShortMessageResponse(invokeId, null, null);
                    } else {
                        dialog.addForwardShortMessageResponse(invokeId);
                    }
                    onDelivered.accept(imsi, deliver);
                } catch (TpduException e) {
                    LOG.info("MT-ForwardSM for {} carries a bad TPDU: {}", imsi, e.getMessage());
                    dialog.sendErrorComponent(invokeId,
                            deliveryFailure(version, SMEnumeratedDeliveryFailureCause.equipmentProtocolError));
                }
            }
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("MT-ForwardSM answer failed; aborting dialog {}", dialog.getLocalDialogId(), e);
            Dialogs.abort(dialog);
        }
    }

    private static String calledGlobalTitle(MAPDialogSms dialog) {
        var local = dialog.getLocalAddress();
        return local == null || local.getGlobalTitle() == null ? "" : local.getGlobalTitle().getDigits();
    }

    private MAPErrorMessage deliveryFailure(int version, SMEnumeratedDeliveryFailureCause cause) {
        return provider.getMAPErrorMessageFactory().createMAPErrorMessageSMDeliveryFailure(version, cause, null, null);
    }
}

package org.mtcgate.map.peer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.errors.SMEnumeratedDeliveryFailureCause;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

/**
 * A lab serving MSC accepting MT-ForwardSM (TS 29.002 12.9): it decodes SM-RP-UI as an SMS-DELIVER with
 * {@link TpduCodec} and records it per IMSI. A TPDU that does not decode is answered with
 * SM-DeliveryFailure / equipmentProtocolError (TS 29.002 17.7.6) instead of being accepted.
 */
public final class MscPeer extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(MscPeer.class);
    private static final long MAP_VERSION_3 = 3;

    private final MAPProvider provider;
    private final Map<String, ConcurrentLinkedQueue<SmsDeliver>> delivered = new ConcurrentHashMap<>();

    public MscPeer(Ss7Stack stack) {
        this.provider = stack.mapProvider();
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    public void detach() {
        provider.getMAPServiceSms().removeMAPServiceListener(this);
    }

    /** SMS-DELIVERs accepted for {@code imsi}, oldest first. */
    public List<SmsDeliver> deliveredTo(String imsi) {
        ConcurrentLinkedQueue<SmsDeliver> queue = delivered.get(imsi);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    @Override
    public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (dialog.getApplicationContext().getApplicationContextName()
                != MAPApplicationContextName.shortMsgMTRelayContext) {
            return;
        }
        long invokeId = request.getInvokeId();
        try {
            String imsi = request.getSM_RP_DA() == null || request.getSM_RP_DA().getIMSI() == null
                    ? null : request.getSM_RP_DA().getIMSI().getData();
            byte[] tpdu = request.getSM_RP_UI() == null ? null : request.getSM_RP_UI().getData();
            if (imsi == null || tpdu == null) {
                dialog.sendErrorComponent(invokeId, deliveryFailure(SMEnumeratedDeliveryFailureCause.equipmentProtocolError));
            } else {
                try {
                    SmsDeliver deliver = TpduCodec.decodeDeliver(tpdu);
                    delivered.computeIfAbsent(imsi, k -> new ConcurrentLinkedQueue<>()).add(deliver);
                    dialog.addMtForwardShortMessageResponse(invokeId, null, null);
                } catch (TpduException e) {
                    LOG.info("MT-ForwardSM for {} carries a bad TPDU: {}", imsi, e.getMessage());
                    dialog.sendErrorComponent(invokeId,
                            deliveryFailure(SMEnumeratedDeliveryFailureCause.equipmentProtocolError));
                }
            }
            dialog.close(false);
        } catch (MAPException | RuntimeException e) {
            LOG.warn("MT-ForwardSM answer failed; aborting dialog {}", dialog.getLocalDialogId(), e);
            PeerDialogs.abort(dialog);
        }
    }

    private MAPErrorMessage deliveryFailure(SMEnumeratedDeliveryFailureCause cause) {
        return provider.getMAPErrorMessageFactory()
                .createMAPErrorMessageSMDeliveryFailure(MAP_VERSION_3, cause, null, null);
    }
}

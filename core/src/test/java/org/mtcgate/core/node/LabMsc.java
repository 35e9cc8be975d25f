package org.mtcgate.core.node;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mtcgate.map.peer.SmsListenerAdapter;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An MSC for the node's tests: accepts MT-ForwardSM for reachable UEs and answers absentSubscriberSM for UEs the
 * test made absent, so the SMS-SC's retries can be watched (each absent answer is signalled).
 */
final class LabMsc extends SmsListenerAdapter {
    final Set<String> absent = ConcurrentHashMap.newKeySet();
    final Map<String, List<SmsDeliver>> delivered = new ConcurrentHashMap<>();
    final LinkedBlockingQueue<String> absentAnswers = new LinkedBlockingQueue<>();
    private final MAPProvider provider;

    LabMsc(Ss7Stack stack) {
        this.provider = stack.mapProvider();
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    List<SmsDeliver> deliveredTo(String imsi) {
        return delivered.getOrDefault(imsi, List.of());
    }

    @Override
    public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
        MAPDialogSms dialog = request.getMAPDialog();
        if (dialog.getApplicationContext().getApplicationContextName() != MAPApplicationContextName.shortMsgMTRelayContext) {
            return;
        }
        try {
            String imsi = request.getSM_RP_DA().getIMSI().getData();
            if (absent.contains(imsi)) {
                absentAnswers.add(imsi);
                dialog.sendErrorComponent(request.getInvokeId(), provider.getMAPErrorMessageFactory()
                        .createMAPErrorMessageAbsentSubscriberSM(AbsentSubscriberDiagnosticSM.IMSIDetached, null, null));
            } else {
                SmsDeliver sm = TpduCodec.decodeDeliver(request.getSM_RP_UI().getData());
                delivered.computeIfAbsent(imsi, k -> new CopyOnWriteArrayList<>()).add(sm);
                dialog.addMtForwardShortMessageResponse(request.getInvokeId(), null, null);
            }
            dialog.close(false);
        } catch (MAPException | org.mtcgate.map.tpdu.TpduException | RuntimeException e) {
            dialog.release();
            throw new IllegalStateException("the lab MSC could not answer", e);
        }
    }
}

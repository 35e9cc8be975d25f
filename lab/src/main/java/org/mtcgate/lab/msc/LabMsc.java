package org.mtcgate.lab.msc;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

/**
 * An MSC for tests and benchmarks: accepts MT-ForwardSM for reachable UEs and answers absentSubscriberSM for UEs
 * made absent, so the SMS-SC's retries can be watched (each absent answer is signalled). Each accepted SM is
 * kept (when {@code keep}) and handed to a listener.
 */
public final class LabMsc extends SmsListenerAdapter {
    public final Set<String> absent = ConcurrentHashMap.newKeySet();
    public final LinkedBlockingQueue<String> absentAnswers = new LinkedBlockingQueue<>();
    private final Map<String, List<SmsDeliver>> delivered = new ConcurrentHashMap<>();
    private final MAPProvider provider;
    private final boolean keep;
    private final BiConsumer<String, SmsDeliver> onDelivered;

    /** Keeps every SM it accepts. */
    public LabMsc(Ss7Stack stack) {
        this(stack, true, (imsi, sm) -> { });
    }

    public LabMsc(Ss7Stack stack, boolean keep, BiConsumer<String, SmsDeliver> onDelivered) {
        this.provider = stack.mapProvider();
        this.keep = keep;
        this.onDelivered = onDelivered;
        provider.getMAPServiceSms().addMAPServiceListener(this);
    }

    public List<SmsDeliver> deliveredTo(String imsi) {
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
                if (keep) {
                    delivered.computeIfAbsent(imsi, k -> new CopyOnWriteArrayList<>()).add(sm);
                }
                dialog.addMtForwardShortMessageResponse(request.getInvokeId(), null, null);
                onDelivered.accept(imsi, sm);
            }
            dialog.close(false);
        } catch (MAPException | org.mtcgate.map.tpdu.TpduException | RuntimeException e) {
            dialog.release();
            throw new IllegalStateException("the lab MSC could not answer", e);
        }
    }
}

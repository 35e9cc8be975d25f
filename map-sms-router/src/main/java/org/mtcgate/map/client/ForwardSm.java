package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPMessage;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MoForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_DA;
import org.mobicents.protocols.ss7.map.api.service.sms.SM_RP_OA;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;

/**
 * An SM relayed one hop: MT-ForwardSM (shortMsgMTRelayContext v3, TS 29.002 12.9) or MO-ForwardSM
 * (shortMsgMORelayContext v3, 12.2), or ForwardSM in either context in v2 (and v1). The result is the SM-RP-UI of
 * a v3 answer (a delivery or submit report), or null.
 */
public final class ForwardSm extends OutgoingDialog<SmsSignalInfo> {
    /** Which way the SM goes. */
    public enum Direction { MOBILE_TERMINATED, MOBILE_ORIGINATED }

    private final Direction direction;
    private final int version;
    private final MAPApplicationContext context;
    private final SM_RP_DA destination;
    private final SM_RP_OA originator;
    private final SmsSignalInfo tpdu;
    private final boolean moreMessagesToSend;

    /** {@code moreMessagesToSend} is sent in MT v2 and v3 only. */
    public ForwardSm(Direction direction, int version, SM_RP_DA destination, SM_RP_OA originator, SmsSignalInfo tpdu,
                     boolean moreMessagesToSend) {
        this.direction = direction;
        this.version = version;
        this.context = MAPApplicationContext.getInstance(direction == Direction.MOBILE_TERMINATED
                        ? MAPApplicationContextName.shortMsgMTRelayContext : MAPApplicationContextName.shortMsgMORelayContext,
                MAPApplicationContextVersion.getInstance(version));
        this.destination = destination;
        this.originator = originator;
        this.tpdu = tpdu;
        this.moreMessagesToSend = moreMessagesToSend;
    }

    @Override
    protected MAPApplicationContext context() {
        return context;
    }

    @Override
    protected void invoke(MAPDialogSms dialog, int invokeTimeoutMillis) throws MAPException {
        if (version < 3) {
            dialog.addForwardShortMessageRequest(invokeTimeoutMillis, destination, originator, tpdu,
                    direction == Direction.MOBILE_TERMINATED && moreMessagesToSend);
        } else if (direction == Direction.MOBILE_TERMINATED) {
            dialog.addMtForwardShortMessageRequest(invokeTimeoutMillis, destination, originator, tpdu,
                    moreMessagesToSend, null);
        } else {
            dialog.addMoForwardShortMessageRequest(invokeTimeoutMillis, destination, originator, tpdu, null, null);
        }
    }

    @Override
    protected void onComponent(MAPMessage component) {
        if (component instanceof MtForwardShortMessageResponse r) {
            succeed(r.getSM_RP_UI());
        } else if (component instanceof MoForwardShortMessageResponse r) {
            succeed(r.getSM_RP_UI());
        } else if (component instanceof ForwardShortMessageResponse) {
            succeed(null);
        }
    }
}

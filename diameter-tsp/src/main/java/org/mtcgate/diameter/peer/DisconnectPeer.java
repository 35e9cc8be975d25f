package org.mtcgate.diameter.peer;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;

/** DPR/DPA (RFC 6733 5.4). */
final class DisconnectPeer {
    /** RFC 6733 5.4.3 Disconnect-Cause values. */
    static final long REBOOTING = 0;
    static final long BUSY = 1;
    static final long DO_NOT_WANT_TO_TALK_TO_YOU = 2;

    private final LocalIdentity local;

    DisconnectPeer(LocalIdentity local) {
        this.local = local;
    }

    /** RFC 6733 5.4.1. */
    DiameterMessage request(int hopByHop, int endToEnd, long cause) {
        return DiameterMessage.request(CommandCodes.DISCONNECT_PEER, ApplicationIds.COMMON, false)
                .hopByHopId(hopByHop).endToEndId(endToEnd)
                .avp(BaseAvps.originHost(local.originHost()))
                .avp(BaseAvps.originRealm(local.originRealm()))
                .avp(BaseAvps.disconnectCause(cause))
                .build();
    }

    /** RFC 6733 5.4.2. */
    DiameterMessage answer(DiameterMessage dpr) {
        return DiameterMessage.answerTo(dpr)
                .avp(BaseAvps.resultCode(2001))
                .avp(BaseAvps.originHost(local.originHost()))
                .avp(BaseAvps.originRealm(local.originRealm()))
                .build();
    }
}

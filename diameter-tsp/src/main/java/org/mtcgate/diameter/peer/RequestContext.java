package org.mtcgate.diameter.peer;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;

/**
 * What a handler knows about a request besides its content.
 *
 * @param peerHost  Origin-Host from the peer's CER (authenticated by its TLS certificate when TLS is on)
 * @param peerRealm Origin-Realm from the peer's CER
 * @param local     this node's identity
 */
public record RequestContext(String peerHost, String peerRealm, LocalIdentity local) {
    /** An answer builder with Session-Id copied, Result-Code, and this node's Origin-Host/Realm. */
    public DiameterMessage.Builder answer(DiameterMessage request, long resultCode) {
        DiameterMessage.Builder b = DiameterMessage.answerTo(request);
        request.avp(AvpCodes.SESSION_ID).ifPresent(b::avp);
        return b.avp(BaseAvps.resultCode(resultCode))
                .avp(BaseAvps.originHost(local.originHost()))
                .avp(BaseAvps.originRealm(local.originRealm()));
    }
}

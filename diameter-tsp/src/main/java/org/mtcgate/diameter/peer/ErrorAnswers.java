package org.mtcgate.diameter.peer;

import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;

/**
 * Builds answers that report a failure (RFC 6733 7.2): Session-Id first when the request had one,
 * Origin-Host/Realm, Result-Code, Error-Message, Failed-AVP, Proxy-Info copied; E bit for 3xxx.
 */
final class ErrorAnswers {
    private final LocalIdentity local;

    ErrorAnswers(LocalIdentity local) {
        this.local = local;
    }

    DiameterMessage build(DiameterMessage request, long resultCode, Optional<Avp> failed, String message) {
        boolean protocolError = resultCode >= 3000 && resultCode < 4000;
        DiameterMessage.Builder b = DiameterMessage.answerTo(request).error(protocolError);
        request.avp(AvpCodes.SESSION_ID).ifPresent(b::avp);
        b.avp(BaseAvps.originHost(local.originHost()))
         .avp(BaseAvps.originRealm(local.originRealm()))
         .avp(BaseAvps.resultCode(resultCode));
        if (message != null && !message.isEmpty()) {
            b.avp(BaseAvps.errorMessage(message));
        }
        failed.ifPresent(f -> b.avp(BaseAvps.failedAvp(f)));
        request.avps(AvpCodes.PROXY_INFO, 0).forEach(b::avp);
        return b.build();
    }
}

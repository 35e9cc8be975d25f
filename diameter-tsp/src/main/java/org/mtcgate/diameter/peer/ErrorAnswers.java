package org.mtcgate.diameter.peer;

import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;

/**
 * Builds answers that report a failure (RFC 6733 7.2): Session-Id first when the request had one,
 * Origin-Host/Realm, Result-Code, Error-Message, Failed-AVP, Proxy-Info copied; E bit for 3xxx. A 5xxx answer
 * also echoes Auth-Application-Id and Auth-Session-State, which its command's grammar requires.
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
        if (!protocolError) {
            // Without the E bit the answer follows its command's grammar (RFC 6733 7.2 covers E-bit answers only):
            // TS 29.368/29.336/29.337 answers carry these two whenever the request did.
            // Our own values, never the request's (which may be the very AVP refused).
            if (request.avp(AvpCodes.AUTH_APPLICATION_ID).isPresent()) {
                b.avp(BaseAvps.authApplicationId(request.applicationId()));
            }
            if (request.avp(AvpCodes.AUTH_SESSION_STATE).isPresent()) {
                b.avp(BaseAvps.authSessionState(1)); // NO_STATE_MAINTAINED: the only state of these applications
            }
        }
        if (message != null && !message.isEmpty()) {
            b.avp(BaseAvps.errorMessage(message));
        }
        failed.ifPresent(f -> b.avp(BaseAvps.failedAvp(f)));
        request.avps(AvpCodes.PROXY_INFO, 0).forEach(b::avp);
        return b.build();
    }
}

package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.peer.RequestContext;

/** Answer skeletons shared by the S6m and T4 handlers. */
public final class Answers {
    private Answers() {
    }

    /**
     * An answer carrying Experimental-Result (Vendor-Id 10415) and no Result-Code: RFC 6733 7.6 allows one or the
     * other, and TS 29.336 and TS 29.337 put their application errors in Experimental-Result.
     */
    public static DiameterMessage.Builder experimental(DiameterMessage request, RequestContext context, long code) {
        DiameterMessage.Builder b = DiameterMessage.answerTo(request);
        request.avp(AvpCodes.SESSION_ID).ifPresent(b::avp);
        return b.avp(TgppAvps.experimentalResult(code))
                .avp(BaseAvps.originHost(context.local().originHost()))
                .avp(BaseAvps.originRealm(context.local().originRealm()));
    }

    /** A Diameter-level refusal: the RFC 6733 Result-Code, Error-Message and Failed-AVP. */
    public static DiameterMessage refusal(DiameterMessage request, RequestContext context, DiameterRefusal refusal) {
        return context.answer(request, refusal.resultCode())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.errorMessage(refusal.message()))
                .avp(BaseAvps.failedAvp(refusal.failedAvp()))
                .build();
    }

    /** RFC 6733 7.1.3 3001 with the E bit: the command is not one this role serves. */
    public static DiameterMessage commandUnsupported(DiameterMessage request, RequestContext context, String message) {
        return context.answer(request, 3001).error(true).avp(BaseAvps.errorMessage(message)).build();
    }
}

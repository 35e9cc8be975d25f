package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ResultCode;

import java.util.Objects;

/**
 * A request refused at the Diameter level (RFC 6733 7.1: 5004, 5005, ...): the Result-Code, the AVP to put in
 * Failed-AVP (the offending one, or for a missing AVP an example of it, RFC 6733 7.5) and an Error-Message text.
 */
public record DiameterRefusal(long resultCode, Avp failedAvp, String message) {
    public DiameterRefusal {
        Objects.requireNonNull(failedAvp, "failedAvp");
        Objects.requireNonNull(message, "message");
    }

    public static DiameterRefusal missing(Avp example, String message) {
        return new DiameterRefusal(ResultCode.DIAMETER_MISSING_AVP.code(), example, message);
    }

    public static DiameterRefusal invalid(Avp offending, String message) {
        return new DiameterRefusal(ResultCode.DIAMETER_INVALID_AVP_VALUE.code(), offending, message);
    }
}

package org.mtcgate.diameter.dictionary;

import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;

/** Why a received message is refused: the Result-Code, the Failed-AVP content, and a log text. */
public record ValidationError(ResultCode resultCode, Optional<Avp> failedAvp, String message) {
    public static ValidationError of(ResultCode code, Avp failed, String message) {
        return new ValidationError(code, Optional.ofNullable(failed), message);
    }
}

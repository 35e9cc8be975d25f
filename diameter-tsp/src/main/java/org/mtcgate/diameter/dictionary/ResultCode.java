package org.mtcgate.diameter.dictionary;

import java.util.Optional;

/** Result-Code values of RFC 6733 7.1 that this node sends or interprets. */
public enum ResultCode {
    DIAMETER_SUCCESS(2001),
    DIAMETER_COMMAND_UNSUPPORTED(3001),
    DIAMETER_UNABLE_TO_DELIVER(3002),
    DIAMETER_REALM_NOT_SERVED(3003),
    DIAMETER_TOO_BUSY(3004),
    DIAMETER_APPLICATION_UNSUPPORTED(3007),
    DIAMETER_INVALID_HDR_BITS(3008),
    DIAMETER_INVALID_AVP_BITS(3009),
    DIAMETER_UNKNOWN_PEER(3010),
    DIAMETER_AVP_UNSUPPORTED(5001),
    DIAMETER_INVALID_AVP_VALUE(5004),
    DIAMETER_MISSING_AVP(5005),
    DIAMETER_AVP_NOT_ALLOWED(5008),
    DIAMETER_AVP_OCCURS_TOO_MANY_TIMES(5009),
    DIAMETER_NO_COMMON_APPLICATION(5010),
    DIAMETER_UNSUPPORTED_VERSION(5011),
    DIAMETER_UNABLE_TO_COMPLY(5012),
    DIAMETER_INVALID_AVP_LENGTH(5014),
    DIAMETER_INVALID_MESSAGE_LENGTH(5015),
    DIAMETER_NO_COMMON_SECURITY(5017);

    private final long code;

    ResultCode(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    /** RFC 6733 7.1: 3xxx protocol errors are sent in answers with the E bit set. */
    public boolean isProtocolError() {
        return code >= 3000 && code < 4000;
    }

    public static Optional<ResultCode> of(long code) {
        for (ResultCode r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

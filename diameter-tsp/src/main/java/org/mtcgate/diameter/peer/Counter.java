package org.mtcgate.diameter.peer;

/** Events counted per peer connection and per node. */
public enum Counter {
    MESSAGES_RECEIVED,
    MESSAGES_SENT,
    REQUESTS_HANDLED,
    ERROR_ANSWERS_SENT,
    DECODE_FAILURES,
    TRANSPORT_ERRORS,
    REQUEST_BEFORE_CER,
    CER_REFUSED,
    ELECTIONS_LOST,
    TLS_IDENTITY_MISMATCH,
    TLS_HANDSHAKE_FAILURES,
    DWR_SENT,
    DWR_RECEIVED,
    DWA_RECEIVED,
    WATCHDOG_TIMEOUTS,
    DPR_RECEIVED,
    DPA_RECEIVED,
    DUPLICATE_REQUESTS,
    UNKNOWN_ANSWERS,
    REQUEST_TIMEOUTS,
    CONNECTIONS_CLOSED,
    /** Requests refused: application not announced by the peer, or not allowed to its role (3007, 3001). */
    REQUESTS_NOT_AUTHORISED,
    /** Requests whose Origin-Host/Origin-Realm are not the authenticated peer's (3010, 5004). */
    ORIGIN_NOT_AUTHENTICATED,
    /** Requests whose Auth-/Acct-Application-Id AVPs contradict the header's Application-Id (5004). */
    APPLICATION_ID_MISMATCH,
    /** Throwables other than I/O errors on an event loop, in the codec or from a handler's future. */
    INTERNAL_ERRORS,
    /** Requests answered 3004 DIAMETER_TOO_BUSY by the overload guard. */
    TOO_BUSY_ANSWERS
}

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
    /** Throwables other than I/O errors on an event loop, in the codec or from a handler's future. */
    INTERNAL_ERRORS,
    /** Requests answered 3004 DIAMETER_TOO_BUSY by the overload guard. */
    TOO_BUSY_ANSWERS
}

package org.mtcgate.diameter.peer;

import java.util.Objects;

/**
 * Why one attempt to open the connection to a configured peer failed, as the initiating side saw it.
 *
 * @param host       the configured peer's Diameter identity
 * @param kind       at which step it failed
 * @param detail     what happened, in words (the exception, the CEA's Error-Message, the names that differ)
 * @param resultCode the CEA's Result-Code for {@link Kind#REFUSED}, else 0
 * @param cause      the exception behind a {@link Kind#CONNECT} or {@link Kind#TLS} failure, else null
 */
public record PeerFailure(String host, Kind kind, String detail, long resultCode, Throwable cause) {
    /** The step that failed. */
    public enum Kind {
        /** No TCP connection (refused, unreachable, timed out). */
        CONNECT,
        /** The TLS handshake failed (certificate chain, validity, the peer refused ours, no common suite). */
        TLS,
        /** The peer's certificate or Origin-Host is not the peer configured. */
        IDENTITY,
        /** The peer answered the CER with a CEA that is not DIAMETER_SUCCESS. */
        REFUSED,
        /** No capabilities exchange within the node's capabilities timeout. */
        TIMEOUT,
        /** The peer closed the connection before the capabilities exchange ended. */
        CLOSED
    }

    public PeerFailure {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}

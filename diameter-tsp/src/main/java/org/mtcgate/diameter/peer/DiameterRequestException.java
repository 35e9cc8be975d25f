package org.mtcgate.diameter.peer;

/** Why a request sent with {@link DiameterNode#sendRequest} got no answer. */
public final class DiameterRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No open connection to the destination host or realm (RFC 6733 6.1: 3002 locally). */
        NO_ROUTE,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** The connection closed before the answer arrived. */
        PEER_DISCONNECTED,
        /** The node is shutting down. */
        NODE_STOPPED
    }

    private final Reason reason;

    public DiameterRequestException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

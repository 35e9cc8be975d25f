package org.mtcgate.diameter.peer;

/** Connection states, a reduced form of the RFC 6733 5.6 peer state machine (one connection each). */
public enum PeerState {
    /** Initiator: connected (and TLS done), CER sent, waiting for CEA. */
    WAIT_CEA,
    /** Responder: connection accepted, waiting for CER. */
    WAIT_CER,
    /** In-band TLS (RFC 3588 style): CER/CEA done, TLS handshake running. */
    WAIT_TLS,
    OPEN,
    /** DPR sent or received; only DPA is expected. */
    CLOSING,
    CLOSED
}

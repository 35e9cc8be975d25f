package org.mtcgate.diameter.peer;

/** When TLS starts on a connection (RFC 6733 2.1, 6.10). */
public enum TlsMode {
    /** TLS handshake right after TCP connect (port 5868). The default and the recommended mode. */
    AT_CONNECT,
    /**
     * Legacy RFC 3588 style: plain CER/CEA announcing Inband-Security-Id TLS (1), then the TLS
     * handshake on the same connection before anything else. No fallback to plain is offered.
     */
    IN_BAND
}

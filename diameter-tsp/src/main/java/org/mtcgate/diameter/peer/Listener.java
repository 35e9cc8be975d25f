package org.mtcgate.diameter.peer;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One listening socket of a node and when TLS starts on the connections it accepts: at connect (RFC 6733, the
 * default) or in-band after CER/CEA (Inband-Security-Id 1, for peers such as jDiameter whose TLS starts late).
 * The mode matters only when the node has TLS settings.
 */
public record Listener(InetSocketAddress address, TlsMode tlsMode) {
    public Listener {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tlsMode, "tlsMode");
    }
}

package org.mtcgate.diameter.peer;

import java.net.InetSocketAddress;

/**
 * Sees whole Diameter messages as they cross a connection, after TLS and framing: what the node received and what it
 * sent, octet for octet. For captures and diagnostics; called on the connection's event loop, so an implementation
 * must only hand the message over (it may keep the array) and never block.
 */
public interface WireTap {
    /** Sees nothing and costs nothing. */
    WireTap NONE = new WireTap() {
        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] message) {
        }
    };

    /** Whether messages are wanted now; read once per message, so copies are made only while it says yes. */
    boolean wanted();

    /**
     * @param received true for a message from the peer, false for one the node sent
     * @param message  one whole Diameter message (header and AVPs), a copy the tap may keep
     */
    void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] message);
}

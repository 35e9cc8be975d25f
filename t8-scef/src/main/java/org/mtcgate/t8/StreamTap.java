package org.mtcgate.t8;

import java.net.InetSocketAddress;

/**
 * Sees the octets of every T8 connection after TLS, in both directions, as they pass (HTTP/1.1 in the clear). For
 * captures; called on the connection's event loop, so an implementation must only hand the octets over (it may keep
 * the array) and never block.
 */
public interface StreamTap {
    /** Sees nothing; no handler is added. */
    StreamTap NONE = new StreamTap() {
        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] octets) {
        }
    };

    /** Whether octets are wanted now; copies are made only while it says yes. */
    boolean wanted();

    /**
     * @param received true for octets from the client, false for octets the SCEF sent
     * @param octets   the next octets of that direction's stream, a copy the tap may keep
     */
    void seen(boolean received, InetSocketAddress local, InetSocketAddress remote, byte[] octets);
}

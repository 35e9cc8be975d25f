package org.mtcgate.map.stack;

import java.net.InetSocketAddress;

/**
 * Sees every whole M3UA message on a peer's association, received (before {@link OriginGuard} judges it) and sent,
 * octet for octet. For captures; called on jSS7's transport and sending threads, so an implementation must only hand
 * the message over (it may keep the array) and never block.
 */
public interface M3uaTap {
    /** Sees nothing; the stack then uses jSS7's transport as it is. */
    M3uaTap NONE = new M3uaTap() {
        @Override
        public boolean wanted() {
            return false;
        }

        @Override
        public void seen(String peer, boolean received, InetSocketAddress local, InetSocketAddress remote, int stream,
                         byte[] message) {
        }
    };

    /** Whether messages are wanted now; copies are made only while it says yes. */
    boolean wanted();

    /**
     * @param peer     the configured peer's name
     * @param received true for a message from the peer, false for one this node sent
     * @param local    this end of the association as configured
     * @param remote   the peer's end as configured
     * @param stream   the SCTP stream jSS7 chose (0 over TCP for received messages)
     * @param message  one whole M3UA message, a copy the tap may keep
     */
    void seen(String peer, boolean received, InetSocketAddress local, InetSocketAddress remote, int stream, byte[] message);
}

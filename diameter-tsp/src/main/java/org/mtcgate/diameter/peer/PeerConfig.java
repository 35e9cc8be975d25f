package org.mtcgate.diameter.peer;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A known peer: its DiameterIdentity and realm, and, for peers this node connects to, the address.
 *
 * @param connectTo present when this node is the initiator (RFC 6733 2.1) for this peer
 */
public record PeerConfig(String host, String realm, Optional<InetSocketAddress> connectTo) {
    public static PeerConfig accepting(String host, String realm) {
        return new PeerConfig(host, realm, Optional.empty());
    }

    public static PeerConfig connecting(String host, String realm, InetSocketAddress address) {
        return new PeerConfig(host, realm, Optional.of(address));
    }
}

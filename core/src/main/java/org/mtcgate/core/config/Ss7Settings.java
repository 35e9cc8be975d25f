package org.mtcgate.core.config;

import java.net.InetSocketAddress;

/**
 * The node's SS7 side: one jSS7 stack with one M3UA association over TCP (the only transport this jSS7 build
 * runs with Netty 4.1; SCTP is refused).
 *
 * @param localGt          this node's global title (the SMS-SC / SMS Router address)
 * @param pointCode        this node's point code
 * @param server           true: the peer connects to {@code local}; false: this node connects to {@code remote}
 * @param local            local address of the association
 * @param remote           the peer's address (for a server, the address the peer connects from)
 * @param remotePointCode  the peer's point code
 * @param invokeTimeout    how long a MAP operation may wait for its answer (the TCAP dialog idle timeout is twice that)
 */
public record Ss7Settings(String localGt, int pointCode, boolean server, InetSocketAddress local, InetSocketAddress remote,
                          int remotePointCode, java.time.Duration invokeTimeout) {
}

package org.mtcgate.diameter.peer;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A known peer: its DiameterIdentity and realm, what it is ({@link PeerRole}) and so which requests it may send,
 * and, for peers this node connects to, the address.
 *
 * @param connectTo    present when this node is the initiator (RFC 6733 2.1) for this peer
 * @param roles        what the peer is; a node that is both HSS and SMS-SC has both
 * @param applications when present, the peer may send requests only in these applications (a narrowing of what
 *                     its roles allow, never a widening)
 */
public record PeerConfig(String host, String realm, Optional<InetSocketAddress> connectTo, Set<PeerRole> roles,
                         Optional<Set<Long>> applications) {
    /** The role a peer has when none is given: this node's first use was as an MTC-IWF serving SCSs. */
    public static final PeerRole DEFAULT_ROLE = PeerRole.SCS;

    public PeerConfig {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("peer " + host + " needs at least one role");
        }
        roles = Set.copyOf(roles);
        applications = applications.map(Set::copyOf);
    }

    /** A peer of the {@link #DEFAULT_ROLE} (an SCS). */
    public PeerConfig(String host, String realm, Optional<InetSocketAddress> connectTo) {
        this(host, realm, connectTo, Set.of(DEFAULT_ROLE), Optional.empty());
    }

    /** A peer that connects to this node; an SCS unless roles are given. */
    public static PeerConfig accepting(String host, String realm, PeerRole... roles) {
        return new PeerConfig(host, realm, Optional.empty(), roleSet(roles), Optional.empty());
    }

    /** A peer this node connects to; an SCS unless roles are given. */
    public static PeerConfig connecting(String host, String realm, InetSocketAddress address, PeerRole... roles) {
        return new PeerConfig(host, realm, Optional.of(address), roleSet(roles), Optional.empty());
    }

    /** The same peer, allowed requests only in these applications. */
    public PeerConfig onlyApplications(Set<Long> apps) {
        return new PeerConfig(host, realm, connectTo, roles, Optional.of(apps));
    }

    private static Set<PeerRole> roleSet(PeerRole... roles) {
        return roles.length == 0 ? Set.of(DEFAULT_ROLE) : EnumSet.copyOf(java.util.List.of(roles));
    }
}

package org.mtcgate.core.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;

/**
 * The node's Diameter endpoint.
 *
 * @param identity       Origin-Host
 * @param realm          Origin-Realm
 * @param listeners      where to accept peers, each with when TLS starts (at least one)
 * @param tls            certificate, key and trusted CA; null only with insecureLab
 * @param insecureLab    plain TCP without TLS, written in the config in plain words for an isolated lab
 * @param watchdog       Tw (RFC 3539)
 * @param requestTimeout how long to wait for an answer
 * @param maxMessage     largest message accepted, in octets
 * @param peers          known peers; unknown peers are refused
 * @param protection     limits on received messages and on pending requests ({@code limits}, {@code overload})
 * @param labTlsKeyLog   LAB ONLY: where every TLS connection's secrets are written (NSS key log format), or null (off)
 */
public record DiameterSettings(String identity, String realm, List<Listen> listeners, TlsFiles tls, boolean insecureLab,
                               Duration watchdog, Duration requestTimeout, int maxMessage, List<Peer> peers,
                               Protection protection, Path labTlsKeyLog) {
    public DiameterSettings {
        listeners = List.copyOf(listeners);
        peers = List.copyOf(peers);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener");
        }
    }

    /** Without a TLS key log (the default). */
    public DiameterSettings(String identity, String realm, List<Listen> listeners, TlsFiles tls, boolean insecureLab,
                            Duration watchdog, Duration requestTimeout, int maxMessage, List<Peer> peers,
                            Protection protection) {
        this(identity, realm, listeners, tls, insecureLab, watchdog, requestTimeout, maxMessage, peers, protection, null);
    }

    /** The first listener's address. */
    public InetSocketAddress listen() {
        return listeners.get(0).address();
    }

    /**
     * One {@code diameter.listen} entry.
     *
     * @param inband TLS after CER/CEA (Inband-Security-Id 1) instead of at connect; {@code tls: inband} in the file
     */
    public record Listen(InetSocketAddress address, boolean inband) {
    }

    /**
     * {@code diameter.limits} and {@code diameter.overload}.
     *
     * @param maxGroupedDepth   levels of AVPs in a message (1: the message's own); deeper is refused with 5004
     * @param maxAvps           AVPs in a message, nested ones counted; more is refused with 5009
     * @param maxPendingPerPeer requests of one peer being handled; beyond, 3004 DIAMETER_TOO_BUSY
     * @param maxPendingTotal   requests of all peers being handled; beyond, 3004
     * @param doicReduction     OC-Reduction-Percentage in DOIC reports (RFC 7683) to a peer over its share
     * @param doicValidity      OC-Validity-Duration of those reports
     */
    public record Protection(int maxGroupedDepth, int maxAvps, int maxPendingPerPeer, int maxPendingTotal,
                             int doicReduction, Duration doicValidity) {
        public static final Protection DEFAULT = new Protection(8, 1024, 1000, 10_000, 50, Duration.ofSeconds(10));
    }

    /**
     * PEM files of the node's TLS identity.
     *
     * @param generateLabPki make a lab CA and certificates for the node and the lab's SCSs when the files are
     *                       missing, so a lab needs no openssl
     */
    public record TlsFiles(Path certificate, Path key, Path trustedCa, boolean generateLabPki) {
    }

    /**
     * A Diameter peer: its identity and realm, what it is, and where to connect to it when this node opens the
     * connection.
     *
     * @param connect      null when the peer connects to this node
     * @param roles        what the peer is (scs when the config says nothing); decides the requests it may send
     * @param applications when not null, the peer may send requests only in these applications (a narrowing of
     *                     its roles' applications)
     */
    public record Peer(String host, String realm, InetSocketAddress connect, Set<PeerRole> roles, Set<Long> applications) {
        public Peer {
            roles = Set.copyOf(roles);
            applications = applications == null ? null : Set.copyOf(applications);
        }

        /** An SCS, as a peer without a role is. */
        public Peer(String host, String realm, InetSocketAddress connect) {
            this(host, realm, connect, Set.of(PeerConfig.DEFAULT_ROLE), null);
        }

        /** The Diameter layer's view of this peer. */
        public PeerConfig toPeerConfig() {
            java.util.Optional<InetSocketAddress> to = connect == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new InetSocketAddress(connect.getHostString(), connect.getPort()));
            return new PeerConfig(host, realm, to, roles, java.util.Optional.ofNullable(applications));
        }
    }
}

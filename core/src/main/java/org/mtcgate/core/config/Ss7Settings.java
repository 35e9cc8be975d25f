package org.mtcgate.core.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.dialog.DialogLimits;

/**
 * The node's SS7 side: one jSS7 signalling point with one M3UA association to each adjacent peer, over TCP (the
 * only transport this jSS7 build runs with Netty 4.1; SCTP is refused).
 *
 * @param localGt        this node's global title (the SMS-SC address; the SMS Router's unless sms-router names one)
 * @param pointCode      this node's point code
 * @param peers          the adjacent signalling points (MSC/VLR, HLR, SMSCs, STP), at least one
 * @param defaultPeer    the peer that messages to GTs no peer claims go to, or null
 * @param invokeTimeout  how long a MAP operation may wait for its answer (the TCAP dialog idle timeout is twice that)
 * @param dialogLimits   bounds on received dialogs ({@code max-incoming-dialogs}, {@code max-incoming-dialogs-per-peer},
 *                       {@code unanswered-dialog-timeout})
 */
public record Ss7Settings(String localGt, int pointCode, List<Peer> peers, String defaultPeer, Duration invokeTimeout,
                          DialogLimits dialogLimits) {
    public Ss7Settings {
        peers = List.copyOf(peers);
        java.util.Objects.requireNonNull(dialogLimits, "dialogLimits");
    }

    /** With the default dialog limits. */
    public Ss7Settings(String localGt, int pointCode, List<Peer> peers, String defaultPeer, Duration invokeTimeout) {
        this(localGt, pointCode, peers, defaultPeer, invokeTimeout, DialogLimits.DEFAULT);
    }

    /**
     * One adjacent signalling point.
     *
     * @param name        names the peer in the console, the metrics and the logs
     * @param server      true: the peer connects to {@code local}; false: this node connects to {@code remote}
     * @param local       local address of the association (M3UA over TCP binds both ends)
     * @param remote      the peer's address (for a server, the address the peer connects from)
     * @param pointCode   the peer's point code
     * @param gtPrefixes  called-GT prefixes routed to this peer (the longest match over all peers wins)
     * @param ssns        the peer's subsystems
     * @param zone        home (the operator's own MSC/VLR, HLR, SMS-SC) or interconnect (the default: gateways to
     *                    other networks); trusted senders and MO-ForwardSM are bound to it
     */
    public record Peer(String name, boolean server, InetSocketAddress local, InetSocketAddress remote, int pointCode,
                       List<String> gtPrefixes, List<Integer> ssns, Zone zone) {
        public Peer {
            gtPrefixes = List.copyOf(gtPrefixes);
            ssns = List.copyOf(ssns);
            java.util.Objects.requireNonNull(zone, "zone");
        }

        /** A peer in the interconnect zone. */
        public Peer(String name, boolean server, InetSocketAddress local, InetSocketAddress remote, int pointCode,
                    List<String> gtPrefixes, List<Integer> ssns) {
            this(name, server, local, remote, pointCode, gtPrefixes, ssns, Zone.INTERCONNECT);
        }

        /** "server on 127.0.0.1:2905 for 127.0.0.1:2906" or "client 127.0.0.1:2906 to 127.0.0.1:2905". */
        public String describe() {
            return server ? "server on " + hostPort(local) + " for " + hostPort(remote)
                    : "client " + hostPort(local) + " to " + hostPort(remote);
        }

        private static String hostPort(InetSocketAddress a) {
            return a.getHostString() + ":" + a.getPort();
        }
    }
}

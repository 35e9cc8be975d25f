package org.mtcgate.map.stack;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mtcgate.filter.Zone;

/**
 * One adjacent signalling point of a stack: its M3UA IPSP association, its point code and subsystems, and the
 * called global titles that locally originated messages are routed to it on.
 *
 * @param name           peer name, unique in the stack; names its association, AS and ASP
 * @param role           this stack's side of the association: CLIENT connects, SERVER listens
 * @param localHost      local IP address: the bound source address (client) or the listening address (server)
 * @param localPort      bound source port (client) or listening port (server); server peers may share one
 *                       listening address, and then the server tells its clients apart by their address and port
 * @param remoteHost     the peer's IP address
 * @param remotePort     the peer's port (its listening port, or the source port it binds as a client)
 * @param pointCode      the peer's signalling point code
 * @param routingContext M3UA routing context of the AS towards this peer, identical on both sides
 * @param ssns           the peer's subsystems (6 HLR, 7 VLR, 8 MSC/SMSC, 149 SGSN)
 * @param gtPrefixes     E.164 prefixes of called GTs that locally originated messages are routed to this peer on;
 *                       the longest matching prefix over all peers wins. May be empty when the peer is the
 *                       stack's default peer or only ever answers.
 * @param zone           home (the operator's own MSC/VLRs, HLRs, SMS-SCs) or interconnect (gateways to other
 *                       networks). What arrives over the association is attributed to this peer and zone, and only
 *                       DATA whose MTP3 OPC is this peer's point code is taken from it ({@link OriginGuard}).
 */
public record RemotePeer(String name, AssociationRole role, String localHost, int localPort, String remoteHost,
                         int remotePort, int pointCode, long routingContext, List<Integer> ssns,
                         List<String> gtPrefixes, Zone zone) {
    public RemotePeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("peer name must be 1..32 of [A-Za-z0-9_-]: " + name);
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(remoteHost, "remoteHost");
        Ss7StackConfig.checkPort(localPort);
        Ss7StackConfig.checkPort(remotePort);
        Ss7StackConfig.checkPointCode(pointCode);
        ssns = List.copyOf(ssns);
        if (ssns.isEmpty()) {
            throw new IllegalArgumentException("peer " + name + ": at least one SSN");
        }
        for (int ssn : ssns) {
            Ss7StackConfig.checkSsn(ssn);
        }
        gtPrefixes = List.copyOf(gtPrefixes);
        Set<String> seen = new HashSet<>();
        for (String prefix : gtPrefixes) {
            if (!prefix.matches("[0-9]{1,15}")) {
                throw new IllegalArgumentException("peer " + name + ": GT prefix '" + prefix + "' must be 1..15 digits");
            }
            if (!seen.add(prefix)) {
                throw new IllegalArgumentException("peer " + name + ": GT prefix " + prefix + " is listed twice");
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A peer in the interconnect zone, the default: trust is given by configuration, never assumed. */
    public RemotePeer(String name, AssociationRole role, String localHost, int localPort, String remoteHost,
                      int remotePort, int pointCode, long routingContext, List<Integer> ssns, List<String> gtPrefixes) {
        this(name, role, localHost, localPort, remoteHost, remotePort, pointCode, routingContext, ssns, gtPrefixes,
                Zone.INTERCONNECT);
    }

    /** Fluent construction with lab defaults: client, loopback, RC 100, SSN 8, no prefixes, interconnect zone. */
    public static final class Builder {
        private final String name;
        private AssociationRole role = AssociationRole.CLIENT;
        private String localHost = "127.0.0.1";
        private int localPort;
        private String remoteHost = "127.0.0.1";
        private int remotePort;
        private int pointCode;
        private long routingContext = 100;
        private List<Integer> ssns = List.of(Ss7StackConfig.SSN_MSC);
        private List<String> gtPrefixes = List.of();
        private Zone zone = Zone.INTERCONNECT;

        private Builder(String name) {
            this.name = name;
        }

        public Builder role(AssociationRole v) { role = v; return this; }
        public Builder local(String host, int port) { localHost = host; localPort = port; return this; }
        public Builder remote(String host, int port) { remoteHost = host; remotePort = port; return this; }
        public Builder pointCode(int v) { pointCode = v; return this; }
        public Builder routingContext(long v) { routingContext = v; return this; }
        public Builder ssns(Integer... v) { ssns = List.of(v); return this; }
        public Builder ssns(List<Integer> v) { ssns = List.copyOf(v); return this; }
        public Builder gtPrefixes(String... v) { gtPrefixes = List.of(v); return this; }
        public Builder gtPrefixes(List<String> v) { gtPrefixes = List.copyOf(v); return this; }
        public Builder zone(Zone v) { zone = v; return this; }

        public RemotePeer build() {
            return new RemotePeer(name, role, localHost, localPort, remoteHost, remotePort, pointCode, routingContext,
                    ssns, gtPrefixes, zone);
        }
    }
}

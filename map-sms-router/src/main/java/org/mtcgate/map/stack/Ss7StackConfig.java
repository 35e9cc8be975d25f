package org.mtcgate.map.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to assemble one SIGTRAN signalling point: M3UA IPSP associations to one or more adjacent
 * peers, SCCP with GT translation towards them, TCAP and MAP. See {@link Ss7Stack} for the SCCP routing.
 *
 * @param name                  stack name; also names threads and the persist sub-directory
 * @param dataDir               node data directory; jSS7 persists under {@code dataDir/jss7-<name>}
 * @param transport             SCTP, or TCP where the kernel lacks SCTP (the same for every peer)
 * @param localPointCode        own signalling point code
 * @param networkIndicator      MTP3 network indicator (2 = national)
 * @param localSsns             subsystems served locally: the first is TCAP's primary SSN (8 MSC/SMSC,
 *                              6 HLR, TS 23.003 and ITU-T Q.713 3.4.2.2)
 * @param localGlobalTitle      own E.164 global title: the calling address of what this node originates
 * @param peers                 the adjacent signalling points, at least one
 * @param defaultPeer           name of the peer that locally originated messages go to when no peer's GT prefix
 *                              matches, or null for none (such messages are then not routed)
 * @param invokeTimeoutMillis   TCAP invoke timer; must not exceed the dialog idle timeout
 * @param dialogIdleTimeoutMillis TCAP dialog idle timeout
 * @param deliveryThreads       M3UA threads that hand received messages to SCCP/TCAP/MAP (and so run the MAP
 *                              listeners), or 0 for jSS7's default (twice the cores). Messages of one dialog always
 *                              go to the same thread. In 60 s router benchmarks on 2 cores, 1 and the default gave
 *                              the same SMS/s (6.8-6.9 thousand)
 */
public record Ss7StackConfig(String name, Path dataDir, Transport transport, int localPointCode, int networkIndicator,
                             List<Integer> localSsns, String localGlobalTitle, List<RemotePeer> peers,
                             String defaultPeer, long invokeTimeoutMillis, long dialogIdleTimeoutMillis,
                             int deliveryThreads) {
    public static final int SSN_HLR = 6;
    public static final int SSN_VLR = 7;
    public static final int SSN_MSC = 8;
    public static final int SSN_SGSN = 149;
    /** The peer name the single-peer builder methods create. */
    public static final String SINGLE_PEER = "peer";

    public Ss7StackConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("stack name must be 1..32 of [A-Za-z0-9_-]: " + name);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(transport, "transport");
        checkPointCode(localPointCode);
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("network indicator must be 0..3");
        }
        localSsns = List.copyOf(localSsns);
        if (localSsns.isEmpty()) {
            throw new IllegalArgumentException("at least one local SSN");
        }
        for (int ssn : localSsns) {
            checkSsn(ssn);
        }
        if (localGlobalTitle == null || !localGlobalTitle.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("local global title must be 1..15 E.164 digits");
        }
        peers = List.copyOf(peers);
        checkPeers(peers, localPointCode, defaultPeer);
        if (invokeTimeoutMillis <= 0 || dialogIdleTimeoutMillis < invokeTimeoutMillis) {
            throw new IllegalArgumentException("need 0 < invoke timeout <= dialog idle timeout");
        }
        if (deliveryThreads < 0 || deliveryThreads > 64) {
            throw new IllegalArgumentException("delivery threads must be 0 (jSS7 default) .. 64");
        }
    }

    /** {@code dataDir/jss7-<name>}: where jSS7 writes its XML management state. */
    public Path persistDir() {
        return dataDir.resolve("jss7-" + name);
    }

    public Optional<RemotePeer> peer(String peerName) {
        return peers.stream().filter(p -> p.name().equals(peerName)).findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPeers(List<RemotePeer> peers, int localPointCode, String defaultPeer) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one remote peer");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> pointCodes = new HashSet<>();
        Set<String> clientSources = new HashSet<>();
        Map<String, String> prefixOwner = new HashMap<>();
        Map<String, Set<String>> serverClients = new HashMap<>();
        for (RemotePeer p : peers) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("peer name " + p.name() + " is used twice");
            }
            if (p.pointCode() == localPointCode) {
                throw new IllegalArgumentException("peer " + p.name() + " has the local point code " + localPointCode);
            }
            if (!pointCodes.add(p.pointCode())) {
                throw new IllegalArgumentException("point code " + p.pointCode() + " is given to two peers");
            }
            String local = p.localHost() + ":" + p.localPort();
            if (p.role() == AssociationRole.CLIENT) {
                if (!clientSources.add(local)) {
                    throw new IllegalArgumentException("peer " + p.name() + ": client source " + local + " is used twice");
                }
            } else if (!serverClients.computeIfAbsent(local, k -> new HashSet<>())
                    .add(p.remoteHost() + ":" + p.remotePort())) {
                throw new IllegalArgumentException("peer " + p.name() + ": two server peers on " + local
                        + " expect the same client " + p.remoteHost() + ":" + p.remotePort());
            }
            for (String prefix : p.gtPrefixes()) {
                String other = prefixOwner.putIfAbsent(prefix, p.name());
                if (other != null) {
                    throw new IllegalArgumentException("GT prefix " + prefix + " is routed to both " + other + " and "
                            + p.name());
                }
            }
        }
        for (String local : serverClients.keySet()) {
            if (clientSources.contains(local)) {
                throw new IllegalArgumentException(local + " is both a listening address and a client source");
            }
        }
        if (defaultPeer != null && !names.contains(defaultPeer)) {
            throw new IllegalArgumentException("default peer " + defaultPeer + " is not one of the peers " + names);
        }
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of 1..65535");
        }
    }

    static void checkPointCode(int pc) {
        if (pc < 1 || pc > 0x3FFF) { // 14-bit ITU point code
            throw new IllegalArgumentException("point code " + pc + " is out of 1..16383");
        }
    }

    static void checkSsn(int ssn) {
        if (ssn < 1 || ssn > 254) {
            throw new IllegalArgumentException("SSN " + ssn + " is out of 1..254");
        }
    }

    /**
     * Fluent construction with lab defaults: TCP, NI 2, SSN 8, 30 s / 60 s timers. Either name the peers with
     * {@link #peer} (and optionally {@link #defaultPeer}), or use the single-peer methods ({@link #role},
     * {@link #local}, {@link #remote}, {@link #pointCodes}, {@link #routingContext}, {@link #remoteSsns}), which
     * make one peer named {@value #SINGLE_PEER} that is also the default peer: every locally originated message
     * goes to it, as before multi-peer stacks existed.
     */
    public static final class Builder {
        private String name;
        private Path dataDir;
        private Transport transport = Transport.TCP;
        private int localPointCode;
        private int networkIndicator = 2;
        private List<Integer> localSsns = List.of(SSN_MSC);
        private String localGlobalTitle;
        private long invokeTimeoutMillis = 30_000;
        private long dialogIdleTimeoutMillis = 60_000;
        private int deliveryThreads;
        private final List<RemotePeer> peers = new ArrayList<>();
        private String defaultPeer;
        private RemotePeer.Builder single;

        public Builder name(String v) { name = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder transport(Transport v) { transport = v; return this; }
        public Builder localPointCode(int v) { localPointCode = v; return this; }
        public Builder networkIndicator(int v) { networkIndicator = v; return this; }
        public Builder localSsns(Integer... v) { localSsns = List.of(v); return this; }
        public Builder localGlobalTitle(String v) { localGlobalTitle = v; return this; }
        public Builder timeouts(long invokeMillis, long dialogIdleMillis) {
            invokeTimeoutMillis = invokeMillis;
            dialogIdleTimeoutMillis = dialogIdleMillis;
            return this;
        }

        /** M3UA delivery threads; 0 (the default) keeps jSS7's own count. */
        public Builder deliveryThreads(int v) { deliveryThreads = v; return this; }

        /** Adds an adjacent peer (multi-peer form). */
        public Builder peer(RemotePeer v) { peers.add(Objects.requireNonNull(v)); return this; }
        /** The peer that takes locally originated messages no GT prefix matches. */
        public Builder defaultPeer(String v) { defaultPeer = v; return this; }

        // Single-peer form: one association to one peer, which takes every locally originated message.
        public Builder role(AssociationRole v) { single().role(v); return this; }
        public Builder local(String host, int port) { single().local(host, port); return this; }
        public Builder remote(String host, int port) { single().remote(host, port); return this; }
        public Builder pointCodes(int local, int remote) { localPointCode = local; single().pointCode(remote); return this; }
        public Builder routingContext(long v) { single().routingContext(v); return this; }
        public Builder remoteSsns(Integer... v) { single().ssns(v); return this; }
        /** The single peer's zone (interconnect unless set). */
        public Builder zone(org.mtcgate.filter.Zone v) { single().zone(v); return this; }

        private RemotePeer.Builder single() {
            if (single == null) {
                single = RemotePeer.builder(SINGLE_PEER);
            }
            return single;
        }

        public Ss7StackConfig build() {
            List<RemotePeer> all = new ArrayList<>(peers);
            String dflt = defaultPeer;
            if (single != null) {
                if (!peers.isEmpty()) {
                    throw new IllegalStateException("use either the single-peer methods or peer(...), not both");
                }
                all.add(single.build());
                dflt = dflt == null ? SINGLE_PEER : dflt;
            }
            return new Ss7StackConfig(name, dataDir, transport, localPointCode, networkIndicator, localSsns,
                    localGlobalTitle, all, dflt, invokeTimeoutMillis, dialogIdleTimeoutMillis, deliveryThreads);
        }
    }
}

package org.mtcgate.core.role;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.config.DiameterSettings;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.observe.DiameterObservation;
import org.mtcgate.core.observe.PeerRefusals;
import org.mtcgate.core.pki.LabPkiProvisioner;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.TlsMode;
import org.mtcgate.diameter.peer.WireTap;
import org.mtcgate.diameter.tls.TlsKeyLog;
import org.mtcgate.diameter.tls.TlsSettings;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The node's one Diameter endpoint, shared by every Diameter role: built from {@code diameter} in the config
 * (listeners, TLS or the plainly worded lab exception, peers and their roles, protection), observed by the audit
 * log and the metrics. Roles register their applications; the node starts it once all have.
 */
public final class DiameterEndpoint implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DiameterEndpoint.class);

    private final DiameterSettings settings;
    private final DiameterNode node;
    private final TlsKeyLog keyLog;

    private DiameterEndpoint(DiameterSettings settings, DiameterNode node, TlsKeyLog keyLog) {
        this.settings = settings;
        this.node = node;
        this.keyLog = keyLog;
    }

    /** Builds the endpoint without binding anything; {@code configSource} names the file in the lab warning. */
    public static DiameterEndpoint create(DiameterSettings d, String configSource, AuditLog audit, NodeMetrics metrics)
            throws RoleStartException {
        return create(d, configSource, audit, metrics, WireTap.NONE);
    }

    /** As above, with a tap that sees every whole message after TLS (the node's signalling capture). */
    public static DiameterEndpoint create(DiameterSettings d, String configSource, AuditLog audit, NodeMetrics metrics,
                                          WireTap tap) throws RoleStartException {
        InetAddress host = null;
        List<InetSocketAddress> bound = new ArrayList<>();
        for (DiameterSettings.Listen l : d.listeners()) {
            try {
                InetAddress a = InetAddress.getByName(l.address().getHostString());
                bound.add(new InetSocketAddress(a, l.address().getPort()));
                host = host == null ? a : host;
            } catch (IOException e) {
                throw new RoleStartException("diameter.listen: host '" + l.address().getHostString() + "' is unknown", e);
            }
        }
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(LocalIdentity.of(d.identity(), d.realm(), host));
        for (int i = 0; i < bound.size(); i++) {
            b.listen(bound.get(i), d.listeners().get(i).inband() ? TlsMode.IN_BAND : TlsMode.AT_CONNECT);
        }
        b.watchdogInterval(d.watchdog())
                .requestTimeout(d.requestTimeout())
                .maxMessageLength(d.maxMessage());
        DiameterObservation.configure(b, d.protection());
        for (DiameterSettings.Peer p : d.peers()) {
            b.peer(p.toPeerConfig());
        }
        TlsKeyLog keyLog = null;
        if (d.insecureLab()) {
            LOG.warn("INSECURE LAB MODE: Diameter runs over plain TCP without TLS, as config {} says (insecure-lab: true). "
                    + "TS 33.187 4.5 requires mutual authentication: never do this outside an isolated lab.", configSource);
            b.insecureLab(true);
        } else if (d.labTlsKeyLog() != null) {
            TlsSettings tls = tls(d);
            keyLog = keyLog(d, configSource);
            b.tls(tls.withKeyLog(keyLog));
        } else {
            b.tls(tls(d));
        }
        DiameterNode node = new DiameterNode(b.build()).peerSecurityListener(new PeerRefusals(audit, metrics)).wireTap(tap);
        DiameterObservation.attach(node, audit, metrics);
        // Ready needs the peers this node dials (HSS, SMS-SC, MME...); those that dial in (SCSs) only show in
        // mtcgate_peer_up.
        java.util.Set<String> dialled = new java.util.HashSet<>();
        d.peers().stream().filter(p -> p.connect() != null).forEach(p -> dialled.add(p.host()));
        metrics.peerStates("diameter", () -> {
            Map<String, Boolean> up = new TreeMap<>();
            d.peers().forEach(p -> up.put(p.host(), node.isPeerOpen(p.host())));
            return up;
        }, dialled::contains);
        metrics.gauge("mtcgate_diameter_pending_requests", "Diameter requests being handled and not yet answered (bounded by "
                + "diameter.overload.max-pending-total)", null, () -> Map.of("", node.pendingRequests()));
        return new DiameterEndpoint(d, node, keyLog);
    }

    /** Opens the lab key log, refusing to start without BoringSSL, and says loudly what it does. */
    private static TlsKeyLog keyLog(DiameterSettings d, String configSource) throws RoleStartException {
        String unavailable = TlsKeyLog.unavailableReason();
        if (unavailable != null) {
            throw new RoleStartException("diameter.lab-tls-key-log cannot be honoured: " + unavailable);
        }
        try {
            TlsKeyLog log = TlsKeyLog.open(d.labTlsKeyLog());
            LOG.warn("LAB TLS KEY LOG ON: the secrets of every Diameter TLS connection are written to {}, as config {} says "
                    + "(diameter.lab-tls-key-log). Whoever reads that file reads all Tsp, S6m, T4, SGd, Zh and Zn traffic: "
                    + "never do this outside an isolated lab. TLS runs on BoringSSL (netty-tcnative) while it is on.",
                    d.labTlsKeyLog(), configSource);
            return log;
        } catch (IOException e) {
            throw new RoleStartException("diameter.lab-tls-key-log " + d.labTlsKeyLog() + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    public DiameterNode node() {
        return node;
    }

    /** The realm of a configured peer, else what follows the host's first dot. */
    public String realmOf(String host) {
        for (DiameterSettings.Peer p : settings.peers()) {
            if (p.host().equalsIgnoreCase(host)) {
                return p.realm();
            }
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }

    /** Binds the listeners and connects to the peers; an address in use is named as such. */
    public void start() throws RoleStartException {
        try {
            node.start();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof BindException) {
                throw new RoleStartException("diameter.listen " + settings.listeners().stream().map(l -> l.address().getHostString()
                        + ":" + l.address().getPort()).toList() + ": an address is in use (or not local): " + root.getMessage(), e);
            }
            throw new RoleStartException("diameter: the endpoint did not start on " + settings.listen() + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress localAddress() {
        return node.localAddress();
    }

    /** The console's {@code show peers} lines for Diameter. */
    public void peers(Consumer<String> out) {
        if (keyLog != null) {
            out.accept("WARNING: LAB TLS KEY LOG ON: TLS secrets of every Diameter connection go to " + keyLog.file()
                    + " (" + keyLog.lines() + " lines): lab only");
        }
        out.accept("Diameter " + node.config().identity().originHost() + " on " + node.localAddress());
        settings.peers().forEach(p -> out.accept(String.format("  %-32s %-24s %-6s %s", p.host(), p.realm(),
                node.isPeerOpen(p.host()) ? "OPEN" : "closed", node.peerCounters(p.host()).map(Object::toString).orElse(""))));
    }

    /** DPR to every peer, then the listeners close. */
    @Override
    public void close() {
        node.close();
        if (keyLog != null) {
            try {
                keyLog.close();
            } catch (IOException e) {
                LOG.warn("lab TLS key log {}: closing failed: {}", keyLog.file(), e.getMessage());
            }
        }
    }

    private static TlsSettings tls(DiameterSettings d) throws RoleStartException {
        DiameterSettings.TlsFiles t = d.tls();
        try {
            if (t.generateLabPki()) {
                Path dir = t.certificate().getParent();
                if (dir.equals(t.key().getParent()) && dir.equals(t.trustedCa().getParent())
                        && t.certificate().getFileName().toString().equals(d.identity() + ".crt")
                        && t.trustedCa().getFileName().toString().equals("ca.crt")) {
                    List<String> ids = new ArrayList<>();
                    ids.add(d.identity());
                    d.peers().forEach(p -> ids.add(p.host()));
                    LabPkiProvisioner lab = ServiceLoader.load(LabPkiProvisioner.class).findFirst()
                            .orElseThrow(() -> new RoleStartException("diameter.tls.generate-lab-pki is on, but the lab jar "
                                    + "(mtcgate-lab.jar, which makes lab certificates) is not on the class path: run "
                                    + "with it (scripts/mtcgate does) or give the node TLS files and turn the field off"));
                    List<Path> made = lab.ensure(dir, ids);
                    made.forEach(p -> LOG.warn("lab PKI: made {} (generate-lab-pki is on: for labs only)", p));
                } else {
                    throw new RoleStartException("diameter.tls.generate-lab-pki needs certificate <identity>.crt, key and "
                            + "trusted-ca ca.crt in one folder, as 'mtcgate certs issue' lays them out");
                }
            }
            for (Path p : List.of(t.certificate(), t.key(), t.trustedCa())) {
                if (!Files.isReadable(p)) {
                    throw new RoleStartException("diameter.tls: " + p + " does not exist or cannot be read "
                            + "(make lab files with: mtcgate certs issue --dir " + p.getParent() + " " + d.identity() + ")");
                }
            }
            return TlsSettings.fromPemFiles(t.certificate(), t.key(), t.trustedCa());
        } catch (IOException | RuntimeException e) {
            throw new RoleStartException("diameter.tls: the TLS files cannot be used: " + e.getMessage(), e);
        }
    }
}

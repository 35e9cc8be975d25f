package org.mtcgate.core.node;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.capture.CaptureSettings;
import org.mtcgate.core.capture.PacketCapture;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.config.Role;
import org.mtcgate.core.logging.LoggingControl;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.observe.NodeObserver;
import org.mtcgate.core.role.BsfRole;
import org.mtcgate.core.role.DiameterEndpoint;
import org.mtcgate.core.role.Housekeeping;
import org.mtcgate.core.role.HssRole;
import org.mtcgate.core.role.MtcIwfRole;
import org.mtcgate.core.role.NodeRole;
import org.mtcgate.core.role.RoleContext;
import org.mtcgate.core.role.RoleStartException;
import org.mtcgate.core.role.ScefRole;
import org.mtcgate.core.role.SmsRouterRole;
import org.mtcgate.core.role.SmsScRole;
import org.mtcgate.core.role.Ss7Endpoint;
import org.mtcgate.core.role.TsmsRole;
import org.mtcgate.core.store.EmbeddedStores;
import org.mtcgate.core.store.SubscriberFile;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.core.policy.PolicyAdministration;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.map.stack.Ss7Stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root. It builds the shared parts (audit, observer, stores, policy, endpoints), then the roles
 * the config asks for, each from a {@link RoleContext} and the ports of the roles built before it (HSS, SMS-SC,
 * SMS Router, MTC-IWF), then starts the endpoints and the operator interfaces; it closes all in reverse.
 */
public final class Node implements NodeView, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Node.class);

    private final NodeConfig config;
    private final Clock clock;
    private final List<NodeRole> roles = new ArrayList<>();
    private final NodeMetrics metrics = new NodeMetrics();
    private LoggingControl logging;
    private DataDirLock dataDirLock;
    private AuditLog audit;
    private Housekeeping housekeeping;
    private EmbeddedStores stores;
    private PolicyAdministration policy;
    private NodeObserver observer;
    private FilterEngine filter;
    private DiameterEndpoint diameter;
    private Ss7Endpoint ss7;
    private Operations operations;
    private PacketCapture capture;
    /** Set once every listener is bound and every role has started; cleared as soon as the node starts closing. */
    private volatile boolean running;

    private Node(NodeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts every configured role; on failure, stops what had started and explains. */
    public static Node start(NodeConfig config, Clock clock) throws NodeException {
        Node node = new Node(config, clock);
        try {
            node.startAll();
            return node;
        } catch (NodeException | RuntimeException e) {
            node.close();
            throw e;
        } catch (RoleStartException e) {
            node.close();
            throw new NodeException(e.getMessage(), e);
        }
    }

    private void startAll() throws NodeException, RoleStartException {
        logging = LoggingControl.apply(config.logging());
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new NodeException("node.data-dir " + config.dataDir() + " cannot be created: " + e.getMessage(), e);
        }
        dataDirLock = DataDirLock.acquire(config.dataDir());
        audit = new AuditLog(config.audit().dir(), config.audit().revealImsi());
        NodeGauges.register(metrics, audit, () -> running);
        observer = new NodeObserver(audit, metrics);
        try {
            stores = new EmbeddedStores(config.dataDir(),
                    config.subscribers() == null ? null : SubscriberFile.read(config.subscribers()));
            policy = PolicyAdministration.open(config.policyFile(), stores.limiters(), TimeSource.SYSTEM);
            filter = policy.filter();
        } catch (ConfigException e) {
            throw new NodeException(e.getMessage(), e);
        }
        housekeeping = new Housekeeping();
        capture = new PacketCapture(clock);
        metrics.counter("mtcgate_capture_packets_total", "Messages offered to signalling captures (trace pcap) since the "
                + "start, by outcome: written, dropped (writer queue full), too-large", "outcome", capture::totals);
        if (config.trace() != null) {
            startCapture(config.trace());
        }
        if (config.ss7() != null) {
            ss7 = Ss7Endpoint.assemble(config.name(), config.dataDir(), config.ss7(), config.has(Role.SMS_ROUTER),
                    observer, metrics, capture.m3uaTap());
        }
        if (config.diameter() != null && (config.has(Role.MTC_IWF) || config.has(Role.HSS) || config.has(Role.SMS_SC)
                || config.has(Role.BSF))) {
            diameter = DiameterEndpoint.create(config.diameter(), config.source(), audit, metrics, capture.diameterTap());
        }
        RoleContext ctx = new RoleContext(clock, filter, observer, metrics, stores, housekeeping, Optional.ofNullable(diameter),
                Optional.ofNullable(ss7), config.audit().revealImsi());

        HssRole hss = config.has(Role.HSS) ? role(new HssRole(ctx)) : null;
        if (config.has(Role.BSF)) {
            role(BsfRole.start(ctx, config.bsf(), Optional.ofNullable(hss).flatMap(HssRole::homeAuthentication)));
        }
        SmsScRole smsc = config.has(Role.SMS_SC) ? role(SmsScRole.start(ctx, config.smsSc())) : null;
        if (config.tsms() != null) {
            role(TsmsRole.start(ctx, config.tsms(), smsc, config.smsSc().fsync(), capture.smppTap()));
        }
        if (config.has(Role.SMS_ROUTER)) {
            role(new SmsRouterRole(ctx, config.smsRouter()));
        }
        MtcIwfRole mtcIwf = null;
        if (config.has(Role.MTC_IWF)) {
            mtcIwf = role(MtcIwfRole.start(ctx, config.mtcIwf(),
                    config.mtcIwf().t4() == null && smsc != null ? Optional.of(smsc.submitter()) : Optional.empty()));
            if (smsc != null) {
                smsc.reportLocalTriggersTo(mtcIwf.deliveryReports());
            }
        }
        if (config.has(Role.SCEF)) {
            role(ScefRole.start(ctx, config.t8(), mtcIwf, config.mtcIwf() != null && config.mtcIwf().fsync(), capture.t8Tap()));
        }

        // Every role has attached its handlers: only now may dialogues and requests arrive.
        if (ss7 != null) {
            ss7.connect();
        }
        if (diameter != null) {
            diameter.start();
        }
        roles.forEach(NodeRole::started);
        running = true;
        operations = Operations.start(config, metrics,
                new NodeConsole(this, policy, capture, config.dataDir().resolve("captures")), audit, logging);
        LOG.info("node {} running roles {} (policy {} digest {})", config.name(), config.roles(), config.policyFile(),
                filter.policy().digest());
    }

    /** The capture the config asks for; the file is replaced, as a capture is taken again at each start. */
    private void startCapture(CaptureSettings trace) throws NodeException {
        try {
            LOG.info("{}", capture.start(trace, true));
        } catch (IOException e) {
            throw new NodeException("trace.pcap " + trace.file() + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** The node's signalling capture (the console's trace pcap, the config's trace section). */
    public PacketCapture capture() {
        return capture;
    }

    private <R extends NodeRole> R role(R role) {
        roles.add(role);
        return role;
    }

    /** The policy in force, its console workspace and its senders' limiters. */
    public PolicyAdministration policyAdministration() {
        return policy;
    }

    @Override
    public void peers(Consumer<String> out) {
        if (diameter != null) {
            diameter.peers(out);
        } else {
            out.accept("no Diameter role");
        }
        if (ss7 != null) {
            ss7.peers(out);
        } else {
            out.accept("no SS7 role");
        }
    }

    @Override
    public void stats(Consumer<String> out) {
        roles.forEach(r -> r.stats(out));
    }

    @Override
    public void heldTriggers(Consumer<String> out) {
        roles.forEach(r -> r.heldTriggers(out));
    }

    @Override
    public void triggers(long reference, Consumer<String> out) {
        roles.forEach(r -> r.triggers(reference, out));
    }

    @Override
    public NodeObserver observer() {
        return observer;
    }

    public FilterEngine filter() {
        return filter;
    }

    public NodeConfig config() {
        return config;
    }

    /** The Diameter endpoint's bound address, when a Diameter role runs. */
    public Optional<InetSocketAddress> diameterAddress() {
        return Optional.ofNullable(diameter).map(DiameterEndpoint::localAddress);
    }

    /** The Diameter endpoint, when a Diameter role runs (tools wait on it for a peer to open). */
    public Optional<DiameterNode> diameter() {
        return Optional.ofNullable(diameter).map(DiameterEndpoint::node);
    }

    /** The SCEF's T8 address, when the scef role runs. */
    public Optional<InetSocketAddress> t8Address() {
        return roles.stream().filter(ScefRole.class::isInstance).map(r -> ((ScefRole) r).localAddress()).findFirst();
    }

    /** Where the BSF's Ub listens, when the bsf role runs. */
    public Optional<InetSocketAddress> ubAddress() {
        return roles.stream().filter(BsfRole.class::isInstance).map(r -> ((BsfRole) r).ubAddress()).findFirst();
    }

    /** The SS7 stack, when a MAP role runs. */
    public Optional<Ss7Stack> ss7() {
        return Optional.ofNullable(ss7).map(Ss7Endpoint::stack);
    }

    /** The console's bound port, when it runs. */
    public Optional<Integer> consolePort() {
        return Optional.ofNullable(operations).flatMap(Operations::consolePort);
    }

    /** The metrics endpoint's bound port, when it runs. */
    public Optional<Integer> metricsPort() {
        return Optional.ofNullable(operations).flatMap(Operations::metricsPort);
    }

    /**
     * Stops in reverse: the operator interfaces and chores, then the Diameter endpoint (DPR, so no request arrives
     * at a closing role), the roles newest first, the SS7 stack (after the roles have detached), the audit log, and last the data directory's lock.
     */
    @Override
    public synchronized void close() {
        running = false;
        List<AutoCloseable> order = new ArrayList<>(List.of(nullSafe(operations), nullSafe(housekeeping), nullSafe(diameter)));
        for (int i = roles.size() - 1; i >= 0; i--) {
            order.add(roles.get(i));
        }
        order.addAll(List.of(nullSafe(ss7), nullSafe(capture), nullSafe(observer), nullSafe(audit), nullSafe(dataDirLock),
                nullSafe(logging)));
        for (AutoCloseable part : order) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        roles.clear();
        operations = null;
        housekeeping = null;
        diameter = null;
        ss7 = null;
        capture = null;
        observer = null;
        audit = null;
        dataDirLock = null;
        logging = null;
    }

    private static AutoCloseable nullSafe(AutoCloseable part) {
        return part == null ? () -> { } : part;
    }
}

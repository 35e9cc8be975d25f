package org.mtcgate.core.node;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.config.DiameterSettings;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.config.Role;
import org.mtcgate.core.config.RouterSettings;
import org.mtcgate.core.config.Ss7Settings;
import org.mtcgate.core.pki.LabPki;
import org.mtcgate.core.smsc.MapMtDelivery;
import org.mtcgate.core.store.JournalTriggerStore;
import org.mtcgate.core.store.SubscriberFile;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.s6m.HssS6mApplication;
import org.mtcgate.diameter.s6m.S6mClientConfig;
import org.mtcgate.diameter.s6m.S6mSubscriberDirectory;
import org.mtcgate.diameter.t4.SmeAddress;
import org.mtcgate.diameter.t4.SmsScT4Application;
import org.mtcgate.diameter.t4.SmsScTriggers;
import org.mtcgate.diameter.t4.T4ClientConfig;
import org.mtcgate.diameter.t4.T4DeliveryReportApplication;
import org.mtcgate.diameter.t4.T4DeliveryReporter;
import org.mtcgate.diameter.t4.T4References;
import org.mtcgate.diameter.t4.T4TriggerSubmitter;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.tls.TlsSettings;
import org.mtcgate.diameter.tsp.MtcIwfTspApplication;
import org.mtcgate.diameter.tsp.TspNotifier;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.smsc.RetryPolicy;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.SubscriberDirectory;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerSubmitter;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.smsc.MtForwardSmSender;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.map.smsc.MoForwardSmHandler;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds the roles a config asks for, in dependency order (policy and stores, then the
 * SS7 side and the SMS-SC, then the Diameter side and the MTC-IWF), and stops them in reverse.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Node.class);

    private final NodeConfig config;
    private final Clock clock;
    private final LimiterRegistry limiters = new LimiterRegistry();
    private final List<AutoCloseable> started = new ArrayList<>();
    private FilterEngine filter;
    private SubscriberTable subscribers;
    private JournalTriggerStore triggers;
    private JournalTriggerStore smscStore;
    private Ss7Stack ss7;
    private StoreAndForward smsc;
    private SmsRouter router;
    private MoForwardSmHandler mo;
    private MemoryCorrelationStore correlations;
    private DiameterNode diameter;
    private DeviceTriggering triggering;
    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private PolicyWorkspace workspace;
    private org.mtcgate.core.audit.AuditLog audit;
    private final org.mtcgate.core.metrics.NodeMetrics metrics = new org.mtcgate.core.metrics.NodeMetrics();
    private NodeObserver observer;
    private MtcIwfTspApplication tsp;
    private TspNotifier notifier;
    private org.mtcgate.core.metrics.MetricsServer metricsServer;
    private org.mtcgate.core.console.ConsoleServer console;

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
        }
    }

    private void startAll() throws NodeException {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new NodeException("node.data-dir " + config.dataDir() + " cannot be created: " + e.getMessage(), e);
        }
        audit = new org.mtcgate.core.audit.AuditLog(config.audit().dir(), config.audit().revealImsi());
        started.add(audit::close);
        observer = new NodeObserver(audit, metrics);
        started.add(observer);
        workspace = new PolicyWorkspace(config.policyFile(), limiters);
        try {
            filter = new FilterEngine(workspace.compile(), TimeSource.SYSTEM);
            if (config.subscribers() != null) {
                subscribers = SubscriberFile.load(config.subscribers());
            }
        } catch (ConfigException e) {
            throw new NodeException(e.getMessage(), e);
        }
        if (config.ss7() != null) {
            assembleSs7();
        }
        if (config.has(Role.SMS_SC)) {
            startSmsSc();
        }
        if (config.has(Role.SMS_ROUTER)) {
            startRouter();
        }
        if (ss7 != null) {
            connectSs7();
        }
        if (config.diameter() != null && (config.has(Role.MTC_IWF) || config.has(Role.HSS) || config.has(Role.SMS_SC))) {
            startDiameter();
        } else if (smsc != null) {
            smsc.resume();
        }
        startHousekeeping();
        startOperations();
        LOG.info("node {} running roles {} (policy {} digest {})", config.name(), config.roles(), config.policyFile(),
                filter.policy().digest());
    }

    /**
     * Forgets finished triggers a day after their validity ended (the console can still show them until then),
     * so the stores do not grow without bound.
     */
    private void startHousekeeping() {
        housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-housekeeping");
            t.setDaemon(true);
            return t;
        });
        started.add(housekeeping::shutdownNow);
        if (router != null) {
            // MT-ForwardSM follows SRI-for-SM within seconds; forgotten correlations only make the SMSC ask again
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    router.expireCorrelations();
                } catch (RuntimeException e) {
                    LOG.error("expiring router correlations failed", e);
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
        housekeeping.scheduleWithFixedDelay(() -> {
            java.time.Instant now = clock.instant();
            for (JournalTriggerStore store : new JournalTriggerStore[] {triggers, smscStore}) {
                if (store != null) {
                    store.purgeFinished(now).thenAccept(n -> {
                        if (n > 0) {
                            LOG.info("housekeeping: forgot {} finished triggers", n);
                        }
                    });
                }
            }
        }, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        if (triggering != null) {
            // Submitted triggers with no report 5 minutes after their validity ended: the SCS hears UNCONFIRMED.
            housekeeping.scheduleWithFixedDelay(() -> triggering.reportUnconfirmed(java.time.Duration.ofMinutes(5))
                    .thenAccept(n -> {
                        if (n > 0) {
                            LOG.info("housekeeping: {} triggers without a delivery report reported UNCONFIRMED", n);
                        }
                    }), 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /**
     * One signalling point for every MAP role, with an M3UA association to each configured peer; assembled first
     * and connected once every role has registered its listeners, so no dialog arrives before its handler.
     */
    private void assembleSs7() throws NodeException {
        Ss7Settings s = config.ss7();
        Ss7StackConfig.Builder b = Ss7StackConfig.builder()
                .name(config.name()).dataDir(config.dataDir())
                .localPointCode(s.pointCode())
                .localGlobalTitle(s.localGt())
                .timeouts(s.invokeTimeout().toMillis(), 2 * s.invokeTimeout().toMillis());
        // SSN 8 for the SMS-SC and MSC-facing operations; SSN 6 too when SRI-for-SM (sent to the HLR's SSN)
        // is routed to this node's router
        b.localSsns(config.has(Role.SMS_ROUTER) ? new Integer[] {Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR}
                : new Integer[] {Ss7StackConfig.SSN_MSC});
        for (Ss7Settings.Peer p : s.peers()) {
            b.peer(RemotePeer.builder(p.name())
                    .role(p.server() ? AssociationRole.SERVER : AssociationRole.CLIENT)
                    .local(p.local().getHostString(), p.local().getPort())
                    .remote(p.remote().getHostString(), p.remote().getPort())
                    .pointCode(p.pointCode())
                    .ssns(p.ssns())
                    .gtPrefixes(p.gtPrefixes())
                    .zone(p.zone())
                    .build());
        }
        b.defaultPeer(s.defaultPeer());
        try {
            ss7 = Ss7Stack.assemble(b.build(), s.dialogLimits());
        } catch (Exception e) {
            throw new NodeException("ss7: the stack did not start (" + s.peers().stream().map(Ss7Settings.Peer::describe)
                    .collect(java.util.stream.Collectors.joining(", ")) + "): " + e.getMessage(), e);
        }
        started.add(ss7);
        ss7.gate().addRefusalListener(new MapEvents(observer, metrics, "map-gate"));
        ss7.onReplyFromWrongLink(new MapEvents(observer, metrics, "ss7-stack")::replyFromWrongLink);
        metrics.peerStates("m3ua", () -> {
            java.util.Map<String, Boolean> up = new java.util.TreeMap<>();
            s.peers().forEach(p -> up.put(p.name(), ss7.isActive(p.name())));
            return up;
        });
    }

    private void connectSs7() throws NodeException {
        try {
            ss7.connect();
        } catch (Exception e) {
            throw new NodeException("ss7: the associations did not start: " + e.getMessage(), e);
        }
    }

    private void startRouter() {
        RouterSettings r = config.smsRouter();
        correlations = new MemoryCorrelationStore(r.maxCorrelations());
        router = SmsRouter.attach(ss7, new RouterConfig(r.globalTitle(), r.hlrGt(), r.homeMccMnc(), r.correlationTtl(),
                r.sameServiceCentre()), filter, correlations, clock, new MapEvents(observer, metrics, "sms-router"));
        started.add(router::detach);
    }

    /** Opens the journal in {@code data-dir/name}; a damaged one stops the start with its file and offset. */
    private JournalTriggerStore openStore(String name, String formerFile) throws NodeException {
        Path former = config.dataDir().resolve(formerFile);
        if (Files.exists(former)) {
            // Written by an mtcgate before the journal (an MVStore file); not read any more.
            LOG.warn("{} was written by an earlier mtcgate and is not read: triggers held in it are not resumed", former);
        }
        try {
            return JournalTriggerStore.open(config.dataDir().resolve(name), config.mtcIwf().fsync());
        } catch (java.io.UncheckedIOException e) {
            throw new NodeException("node.data-dir: " + e.getMessage(), e);
        }
    }

    private void startSmsSc() throws NodeException {
        smscStore = openStore("smsc", "smsc.mv.db");
        started.add(smscStore);
        MtForwardSmSender peer = new MtForwardSmSender(ss7);
        smsc = new StoreAndForward(smscStore, new MapMtDelivery(peer, config.smsSc().triggerOriginator(), clock),
                new RetryPolicy(config.smsSc().retryFirst(), config.smsSc().retryMax()), clock, config.smsSc().maxInFlight());
        started.add(smsc);
        // MO SMs from the SMS-IWMSC pass the filter (ingress SMS_IWMSC_MO); what it allows is taken and its verdict
        // audited. Onward delivery (to SMEs over Tsms, or back out as MT) is not part of this node yet.
        mo = MoForwardSmHandler.attach(ss7, filter, sm -> java.util.concurrent.CompletableFuture.completedFuture(null),
                new MapEvents(observer, metrics, "sms-sc-mo"), java.util.Set.copyOf(config.smsSc().addresses()));
        started.add(mo::detach);
    }

    /**
     * One Diameter endpoint for every role: Tsp for the MTC-IWF (with S6m and T4 clients when an external HSS or
     * SMS-SC is configured), S6m for the HSS role, T4 for the SMS-SC role.
     */
    private void startDiameter() throws NodeException {
        DiameterSettings d = config.diameter();
        InetAddress host = null;
        List<InetSocketAddress> bound = new ArrayList<>();
        for (DiameterSettings.Listen l : d.listeners()) {
            try {
                InetAddress a = InetAddress.getByName(l.address().getHostString());
                bound.add(new InetSocketAddress(a, l.address().getPort()));
                host = host == null ? a : host;
            } catch (IOException e) {
                throw new NodeException("diameter.listen: host '" + l.address().getHostString() + "' is unknown", e);
            }
        }
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(LocalIdentity.of(d.identity(), d.realm(), host));
        for (int i = 0; i < bound.size(); i++) {
            b.listen(bound.get(i), d.listeners().get(i).inband()
                    ? org.mtcgate.diameter.peer.TlsMode.IN_BAND : org.mtcgate.diameter.peer.TlsMode.AT_CONNECT);
        }
        b.watchdogInterval(d.watchdog())
                .requestTimeout(d.requestTimeout())
                .maxMessageLength(d.maxMessage());
        DiameterObservation.configure(b, d.protection());
        for (DiameterSettings.Peer p : d.peers()) {
            b.peer(p.toPeerConfig());
        }
        if (d.insecureLab()) {
            LOG.warn("INSECURE LAB MODE: Diameter runs over plain TCP without TLS, as config {} says (insecure-lab: true). "
                    + "TS 33.187 4.5 requires mutual authentication: never do this outside an isolated lab.", config.source());
            b.insecureLab(true);
        } else {
            b.tls(tls(d));
        }
        diameter = new DiameterNode(b.build()).peerSecurityListener(new PeerRefusals(audit, metrics));
        DiameterObservation.attach(diameter, audit, metrics);
        if (config.has(Role.MTC_IWF)) {
            addMtcIwf(d);
        }
        if (config.has(Role.HSS)) {
            diameter.registerHandler(ApplicationIds.S6M, new HssS6mApplication(subscribers));
        }
        if (config.has(Role.SMS_SC)) {
            SmsScTriggers viaT4 = new SmsScTriggers(100_000);
            T4DeliveryReporter drr = new T4DeliveryReporter(diameter, viaT4, clock);
            diameter.registerHandler(ApplicationIds.T4, new SmsScT4Application(smsc, viaT4, config.mtcIwf().defaultValidity(), clock,
                    filter, observer));
            // Triggers that came over T4 are reported with DRR; the node's own MTC-IWF hears the rest directly.
            DeviceTriggering local = triggering;
            smsc.reportTo((id, outcome) -> drr.onDeliveryReport(id, outcome).thenCompose(sent -> sent || local == null
                    ? java.util.concurrent.CompletableFuture.completedFuture(sent) : local.onDeliveryReport(id, outcome)));
        }
        try {
            diameter.start();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof BindException) {
                throw new NodeException("diameter.listen " + d.listeners().stream().map(l -> l.address().getHostString() + ":"
                        + l.address().getPort()).toList() + ": an address is in use (or not local): " + root.getMessage(), e);
            }
            throw new NodeException("diameter: the endpoint did not start on " + d.listen() + ": " + e.getMessage(), e);
        }
        started.add(diameter);
        if (triggering != null) {
            triggering.resumeAfterRestart();
        }
        if (smsc != null) {
            smsc.resume();
        }
    }

    private void addMtcIwf(DiameterSettings d) throws NodeException {
        triggers = openStore("triggers", "triggers.mv.db");
        started.add(triggers);
        NodeConfig.Hss hss = config.mtcIwf().hss();
        SubscriberDirectory directory = subscribers;
        if (hss != null) {
            directory = new S6mSubscriberDirectory(diameter, new S6mClientConfig(hss.realm(), hss.host(), hss.cacheTtl(),
                    S6mClientConfig.DEFAULT_MAX_ENTRIES), clock);
            diameter.supportApplication(ApplicationIds.S6M);
        }
        NodeConfig.T4 t4 = config.mtcIwf().t4();
        TriggerSubmitter submitter = smsc;
        T4References references = null;
        if (t4 != null) {
            references = new T4References(100_000, java.time.Duration.ofHours(1), clock);
            SmeAddress sme = SmeAddress.international(t4.smeAddress());
            submitter = new T4TriggerSubmitter(diameter, new T4ClientConfig(t4.realm(), t4.host(), scs -> sme), references, clock);
        }
        notifier = new TspNotifier(diameter, scs -> d.peers().stream().filter(p -> p.host().equalsIgnoreCase(scs))
                .map(DiameterSettings.Peer::realm).findFirst().orElse(realmOf(scs)));
        TriggerLimits limits = new TriggerLimits(config.mtcIwf().maxPayload(), config.mtcIwf().defaultValidity(),
                config.mtcIwf().maxValidity());
        triggering = new DeviceTriggering(filter, directory, triggers, submitter, notifier, observer, limits, clock,
                new org.mtcgate.filter.trigger.ScsIdentities(config.mtcIwf().scsIdentities()));
        if (references != null) {
            diameter.registerHandler(ApplicationIds.T4, new T4DeliveryReportApplication(references, triggering));
        }
        tsp = new MtcIwfTspApplication(triggering, true);
        org.mtcgate.core.metrics.Latency darLatency = metrics.latency("tsp_dar");
        diameter.registerHandler(ApplicationIds.TSP, (request, ctx) -> {
            long t0 = System.nanoTime();
            return tsp.handle(request, ctx).whenComplete((a, e) -> darLatency.since(t0));
        });
        metrics.peerStates("diameter", () -> {
            java.util.Map<String, Boolean> up = new java.util.TreeMap<>();
            d.peers().forEach(p -> up.put(p.host(), diameter.isPeerOpen(p.host())));
            return up;
        });
    }

    /** The Prometheus endpoint and the SSH console, when configured. */
    private void startOperations() throws NodeException {
        if (config.metricsListen() != null) {
            try {
                metricsServer = org.mtcgate.core.metrics.MetricsServer.start(metrics, config.metricsListen().getHostString(),
                        config.metricsListen().getPort());
            } catch (IOException e) {
                throw new NodeException("metrics.listen " + config.metricsListen().getHostString() + ":"
                        + config.metricsListen().getPort() + " cannot be used: " + e.getMessage(), e);
            }
            started.add(metricsServer);
        }
        if (config.console() != null) {
            org.mtcgate.core.console.ConsoleCommands commands = new org.mtcgate.core.console.ConsoleCommands(version());
            new NodeConsole(this).registerAll(commands);
            console = new org.mtcgate.core.console.ConsoleServer(config.console(), commands, audit::console);
            try {
                console.start();
            } catch (IOException e) {
                throw new NodeException("console " + config.console().host() + ":" + config.console().port()
                        + " cannot be used: " + e.getMessage(), e);
            }
            started.add(console);
        }
    }

    private static String version() {
        String v = Node.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static TlsSettings tls(DiameterSettings d) throws NodeException {
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
                    List<Path> made = new LabPki(dir).ensure(ids);
                    made.forEach(p -> LOG.warn("lab PKI: made {} (generate-lab-pki is on: for labs only)", p));
                } else {
                    throw new NodeException("diameter.tls.generate-lab-pki needs certificate <identity>.crt, key and "
                            + "trusted-ca ca.crt in one folder, as 'mtcgate certs issue' lays them out");
                }
            }
            for (Path p : List.of(t.certificate(), t.key(), t.trustedCa())) {
                if (!Files.isReadable(p)) {
                    throw new NodeException("diameter.tls: " + p + " does not exist or cannot be read "
                            + "(make lab files with: mtcgate certs issue --dir " + p.getParent() + " " + d.identity() + ")");
                }
            }
            return LabPki.tlsSettings(t.certificate(), t.key(), t.trustedCa());
        } catch (IOException | RuntimeException e) {
            throw new NodeException("diameter.tls: the TLS files cannot be used: " + e.getMessage(), e);
        }
    }

    private static String realmOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }

    /** Loads the policy files again from disk, dropping unsaved console changes; a refused policy changes nothing. */
    public CompiledPolicy reloadPolicy() throws ConfigException {
        CompiledPolicy next = new PolicyWorkspace(config.policyFile(), limiters).compile();
        workspace.discard();
        install(next);
        return next;
    }

    /** Puts the console's edited policy in force. */
    CompiledPolicy installWorkspace() throws ConfigException {
        CompiledPolicy next = workspace.compile();
        install(next);
        return next;
    }

    private void install(CompiledPolicy next) {
        filter.install(next);
        new PolicyLoader(limiters, TimeSource.SYSTEM).retainLimitersOf(next);
        LOG.info("policy {} in force, digest {}", config.policyFile(), next.digest());
    }

    PolicyWorkspace workspace() {
        return workspace;
    }

    NodeObserver observer() {
        return observer;
    }

    org.mtcgate.core.metrics.NodeMetrics metrics() {
        return metrics;
    }

    Optional<JournalTriggerStore> smscStore() {
        return Optional.ofNullable(smscStore);
    }

    /** One line of Tsp counters for the console. */
    Optional<String> tspCounts() {
        if (tsp == null) {
            return Optional.empty();
        }
        return Optional.of(String.format("Tsp: %,d DARs handled, %,d refused at the Diameter level; %,d DNRs sent, %,d not delivered",
                tsp.handledCount(), tsp.refusedCount(), notifier.sentCount(), notifier.failedCount()));
    }

    /** The console's bound port, when it runs. */
    public Optional<Integer> consolePort() {
        return Optional.ofNullable(console).map(org.mtcgate.core.console.ConsoleServer::port);
    }

    /** The metrics endpoint's bound port, when it runs. */
    public Optional<Integer> metricsPort() {
        return Optional.ofNullable(metricsServer).map(org.mtcgate.core.metrics.MetricsServer::port);
    }

    public NodeConfig config() {
        return config;
    }

    public FilterEngine filter() {
        return filter;
    }

    /** The Tsp endpoint's bound address, when the MTC-IWF role runs. */
    public Optional<InetSocketAddress> diameterAddress() {
        return Optional.ofNullable(diameter).map(DiameterNode::localAddress);
    }

    public Optional<DiameterNode> diameter() {
        return Optional.ofNullable(diameter);
    }

    /** The SS7 stack, when a MAP role runs. */
    public Optional<Ss7Stack> ss7() {
        return Optional.ofNullable(ss7);
    }

    public Optional<JournalTriggerStore> triggerStore() {
        return Optional.ofNullable(triggers);
    }

    /** The SMS Router, when the role runs. */
    public Optional<SmsRouter> router() {
        return Optional.ofNullable(router);
    }

    /** The SMS-SC's MO-ForwardSM handler, when the sms-sc role runs. */
    Optional<MoForwardSmHandler> mo() {
        return Optional.ofNullable(mo);
    }

    /** Correlations the router holds now. */
    Optional<Integer> correlationCount() {
        return Optional.ofNullable(correlations).map(MemoryCorrelationStore::size);
    }

    public Optional<StoreAndForward> smsc() {
        return Optional.ofNullable(smsc);
    }

    /** Stops the roles in reverse order: DPR to Diameter peers first, the SS7 stack last. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}

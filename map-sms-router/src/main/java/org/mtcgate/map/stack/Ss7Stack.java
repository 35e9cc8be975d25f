package org.mtcgate.map.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.sctp.netty.NettySctpManagementImpl;
import org.mobicents.protocols.ss7.m3ua.Asp;
import org.mobicents.protocols.ss7.m3ua.AspFactory;
import org.mobicents.protocols.ss7.m3ua.ExchangeType;
import org.mobicents.protocols.ss7.m3ua.Functionality;
import org.mobicents.protocols.ss7.m3ua.IPSPType;
import org.mobicents.protocols.ss7.m3ua.impl.AspImpl;
import org.mobicents.protocols.ss7.m3ua.impl.AspState;
import org.mobicents.protocols.ss7.m3ua.impl.M3UAManagementImpl;
import org.mobicents.protocols.ss7.m3ua.impl.fsm.FSM;
import org.mobicents.protocols.ss7.m3ua.impl.parameter.ParameterFactoryImpl;
import org.mobicents.protocols.ss7.m3ua.parameter.RoutingContext;
import org.mobicents.protocols.ss7.m3ua.parameter.TrafficModeType;
import org.mobicents.protocols.ss7.map.MAPProviderImpl;
import org.mobicents.protocols.ss7.map.MAPStackImpl;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.sccp.LoadSharingAlgorithm;
import org.mobicents.protocols.ss7.sccp.OriginationType;
import org.mobicents.protocols.ss7.sccp.RuleType;
import org.mobicents.protocols.ss7.sccp.impl.SccpStackImpl;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.TCAPProviderImpl;
import org.mobicents.protocols.ss7.tcap.TCAPStackImpl;
import org.mtcgate.map.dialog.DialogLimits;
import org.mtcgate.map.dialog.IncomingDialogGate;

/**
 * One jSS7 signalling point, M3UA (IPSP) + SCCP + TCAP + MAP, with one association to each adjacent peer,
 * assembled from an {@link Ss7StackConfig}.
 *
 * <p>Use: {@link #assemble} starts every layer but sends nothing; register MAP listeners on
 * {@link #mapProvider()}; {@link #connect()} starts the ASPs; {@link #active()} completes when the M3UA AS of
 * every peer is active ({@link #active(String)} for one peer); {@link #close()} stops everything. jSS7's
 * threads are not daemons, so a stack that is not closed keeps the JVM alive; a failed assembly stops what it
 * had started before throwing.
 *
 * <p>M3UA: one IPSP AS and ASP per peer over that peer's association (client or server side; server peers on
 * the same listening address share one server), and one route per peer point code to its AS.
 *
 * <p>SCCP routes on GT (Q.714 2.4) and keeps the digits of the called GT; every peer is a remote signalling
 * point with its subsystems. The translation rules, most specific first (jSS7 sorts them: titles without a
 * wildcard, then longer prefixes, then "*"):
 * <ul>
 *   <li>a message from any peer terminates here, whatever its called GT: this node is an SCCP end point, not a
 *       relay (an SMS Router receives SRI-for-SM addressed to the subscriber's MSISDN, which may well lie in a
 *       prefix routed to the HLR: relaying it would bypass the router);</li>
 *   <li>a locally originated message goes to the peer owning the longest prefix of its called GT;</li>
 *   <li>otherwise to the default peer, if one is configured; otherwise it is not routed, and the dialog
 *       ends with the TCAP invoke timer.</li>
 * </ul>
 * Those rules are for SCCP network 0, what this node originates. Each peer's association is also an SCCP network
 * of its own (network id 1, 2, ... in configuration order: an MTP3 service access point whose only destination is
 * that peer's point code), and jSS7 gives a received message, and the TCAP dialog it opens, the network of the
 * access point that owns its OPC. In a peer's network:
 * <ul>
 *   <li>a message from the peer terminates here, as above;</li>
 *   <li>whatever this node sends in a dialog the peer opened (TC-CONTINUE, TC-END, errors, aborts) goes back to
 *       that peer, whatever the called GT: an answer to a calling GT that belongs elsewhere (spoofed, say) still
 *       leaves over the association it came in on, never over another one.</li>
 * </ul>
 * An {@link OriginGuard} on each association drops M3UA DATA whose OPC is not that peer's point code, so a message
 * is put in a peer's network only when it came over that peer's association. {@link #links()} tells the MAP
 * handlers which peer (and zone) a dialog arrived from.
 *
 * <p>A reply to one of this node's dialogs (TC-CONTINUE, TC-END, TC-ABORT, found by transaction ID alone in jSS7)
 * reaches TCAP only when it arrived over the link of the peer the dialog is with; see {@link ReplyLinkGuard}.
 */
public final class Ss7Stack implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Ss7Stack.class);
    private static final int MTP3_USER_PART_ID = 1;
    private static final int SAP_ID = 1;
    private static final int ROUTING_ADDRESS_LOCAL = 1;
    private static final int RULE_ANY_REMOTE = 1;
    private static final int RULE_DEFAULT_PEER = 2;

    private final Ss7StackConfig config;
    private final DialogLimits dialogLimits;
    private final Deque<AutoCloseable> stopActions = new ArrayDeque<>();
    private final Map<String, AsActivity> asActivity = new LinkedHashMap<>();
    private final List<String> aspNames = new ArrayList<>();
    private final Map<String, OriginGuard> originGuards = new LinkedHashMap<>();
    private volatile M3uaTraffic m3uaTraffic = M3uaTraffic.NONE;
    /** From the first step of {@link #close()}: an ASPDN ACK may then be held back (see {@link OriginGuard}). */
    private volatile boolean stopping;
    private final Ss7Links links;
    private final M3uaTap tap;
    private ReplyLinkGuard replyGuard;
    private M3UAManagementImpl m3ua;
    private TCAPStackImpl tcap;
    private MAPStackImpl map;
    private IncomingDialogGate gate;
    private boolean aspsStarted;

    private Ss7Stack(Ss7StackConfig config, DialogLimits dialogLimits, M3uaTap tap) {
        this.config = config;
        this.dialogLimits = dialogLimits;
        this.tap = tap;
        for (RemotePeer peer : config.peers()) {
            asActivity.put(peer.name(), new AsActivity(asName(peer)));
            aspNames.add(objectName(peer, "asp"));
        }
        this.links = new Ss7Links(config.peers());
    }

    /** Assembles and starts all layers, then starts the ASPs: traffic may flow once {@link #active()} completes. */
    public static Ss7Stack start(Ss7StackConfig config) throws Exception {
        Ss7Stack stack = assemble(config);
        try {
            stack.connect();
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Starts every layer without starting the ASPs, so listeners can be registered before any traffic. */
    public static Ss7Stack assemble(Ss7StackConfig config) throws Exception {
        return assemble(config, DialogLimits.DEFAULT);
    }

    /** As {@link #assemble(Ss7StackConfig)}, with these bounds on received dialogs. */
    public static Ss7Stack assemble(Ss7StackConfig config, DialogLimits dialogLimits) throws Exception {
        return assemble(config, dialogLimits, M3uaTap.NONE);
    }

    /** As {@link #assemble(Ss7StackConfig, DialogLimits)}, with a tap that sees every M3UA message sent and received. */
    public static Ss7Stack assemble(Ss7StackConfig config, DialogLimits dialogLimits, M3uaTap tap) throws Exception {
        Ss7Stack stack = new Ss7Stack(config, dialogLimits, java.util.Objects.requireNonNull(tap));
        try {
            stack.build();
        } catch (Exception | Error e) {
            LOG.error("stack {} failed to start; stopping what had started", config.name(), e);
            stack.close();
            throw e;
        }
        return stack;
    }

    private String objectName(RemotePeer peer, String kind) {
        return config.name() + "-" + peer.name() + "-" + kind;
    }

    private String asName(RemotePeer peer) {
        return objectName(peer, "as");
    }

    private void build() throws Exception {
        if (config.transport() == Transport.SCTP) {
            SctpSupport.requireCompatibleNetty();
        }
        String persistDir = PersistDir.prepare(config.persistDir());
        IpChannelType channel = config.transport() == Transport.SCTP ? IpChannelType.SCTP : IpChannelType.TCP;

        NettySctpManagementImpl transport = transport();
        transport.setPersistDir(persistDir);
        transport.start();
        stopActions.push(transport::stop);
        transport.setConnectDelay(1000); // reconnect attempt period of a client association, ms
        Map<String, String> servers = new LinkedHashMap<>(); // listening host:port -> server name
        for (RemotePeer peer : config.peers()) {
            String association = objectName(peer, "assoc");
            if (peer.role() == AssociationRole.SERVER) {
                String listen = peer.localHost() + ":" + peer.localPort();
                String server = servers.get(listen);
                if (server == null) {
                    server = config.name() + "-server" + (servers.isEmpty() ? "" : "-" + (servers.size() + 1));
                    transport.addServer(server, peer.localHost(), peer.localPort(), channel, null);
                    servers.put(listen, server);
                }
                transport.addServerAssociation(peer.remoteHost(), peer.remotePort(), server, association, channel);
            } else {
                transport.addAssociation(peer.localHost(), peer.localPort(), peer.remoteHost(), peer.remotePort(),
                        association, channel, null);
            }
        }
        for (String server : servers.values()) {
            transport.startServer(server);
        }

        m3ua = new M3UAManagementImpl(config.name() + "-m3ua", "mtcgate");
        m3ua.setPersistDir(persistDir);
        m3ua.setTransportManagement(transport);
        if (config.deliveryThreads() > 0) {
            m3ua.setDeliveryMessageThreadCount(config.deliveryThreads()); // only before start
        }
        asActivity.values().forEach(m3ua::addM3UAManagementEventListener);
        m3ua.start();
        stopActions.push(m3ua::stop);
        ParameterFactoryImpl m3uaParameters = new ParameterFactoryImpl();
        TrafficModeType loadshare = m3uaParameters.createTrafficModeType(TrafficModeType.Loadshare);
        for (RemotePeer peer : config.peers()) {
            RoutingContext rc = m3uaParameters.createRoutingContext(new long[] {peer.routingContext()});
            String as = asName(peer);
            String asp = objectName(peer, "asp");
            m3ua.createAs(as, Functionality.IPSP, ExchangeType.SE,
                    peer.role() == AssociationRole.SERVER ? IPSPType.SERVER : IPSPType.CLIENT, rc, loadshare, 1, null);
            m3ua.createAspFactory(asp, objectName(peer, "assoc"));
            guardOrigin(transport, peer);
            m3ua.assignAspToAs(as, asp);
            m3ua.addRoute(peer.pointCode(), -1, -1, as);
        }

        SccpStackImpl sccp = new SccpStackImpl(config.name() + "-sccp");
        sccp.setPersistDir(persistDir);
        sccp.setMtp3UserPart(MTP3_USER_PART_ID, m3ua);
        sccp.start();
        stopActions.push(sccp::stop);
        configureSccp(sccp);

        List<Integer> ssns = config.localSsns();
        replyGuard = new ReplyLinkGuard(sccp.getSccpProvider(), config); // replies only from the dialog's link
        tcap = new TCAPStackImpl(config.name() + "-tcap", replyGuard, ssns.get(0));
        tcap.setPersistDir(persistDir);
        tcap.setExtraSsns(ssns.subList(1, ssns.size()));
        tcap.start();
        stopActions.push(tcap::stop);
        tcap.getProvider().addTCListener(replyGuard.lifecycle()); // ahead of MAP's listener: see ReplyLinkGuard
        TcapTuning.removeCancelledTimers(tcap);
        TcapTuning.applyTimeouts(tcap, config.invokeTimeoutMillis(), config.dialogIdleTimeoutMillis());

        map = new MAPStackImpl(config.name() + "-map", tcap.getProvider());
        map.getMAPProvider().getMAPServiceSms().acivate();
        map.start();
        stopActions.push(map::stop);
        Map<Integer, String> peersByPointCode = new LinkedHashMap<>();
        config.peers().forEach(p -> peersByPointCode.put(p.pointCode(), p.name()));
        gate = IncomingDialogGate.install((TCAPProviderImpl) tcap.getProvider(), (MAPProviderImpl) map.getMAPProvider(),
                replyGuard, ssns, dialogLimits, peersByPointCode, config.name()); // the gate sits behind the reply guard
        stopActions.push(gate::close);
        LOG.info("stack {} assembled: {} PC {} GT {} SSN {}, peers {}, default peer {}", config.name(),
                config.transport(), config.localPointCode(), config.localGlobalTitle(), ssns, describePeers(),
                config.defaultPeer());
    }

    private NettySctpManagementImpl transport() throws java.io.IOException {
        String name = config.name() + "-sctp";
        // Always wrapped, tap or not: the per-association counters of what M3UA sends live there.
        Map<String, RemotePeer> byAssociation = new LinkedHashMap<>();
        config.peers().forEach(p -> byAssociation.put(objectName(p, "assoc"), p));
        return new NettyTransportWithTap(name, tap, () -> m3uaTraffic, byAssociation);
    }

    /** Puts an {@link OriginGuard} between the peer's association and the ASP factory M3UA just gave it. */
    private void guardOrigin(NettySctpManagementImpl transport, RemotePeer peer) throws Exception {
        Association association = transport.getAssociation(objectName(peer, "assoc"));
        OriginGuard guard = new OriginGuard(association.getAssociationListener(), peer.name(), peer.pointCode(),
                () -> m3uaTraffic, tap, NettyTransportWithTap.local(peer), NettyTransportWithTap.remote(peer));
        String asp = objectName(peer, "asp");
        guard.holdAspDownAckWhile(() -> stopping && aspDownNotYetMarked(asp));
        association.setAssociationListener(guard);
        originGuards.put(peer.name(), guard);
    }

    /**
     * Whether an ASP of the factory still has to be marked as having sent ASPDN. jSS7's stop writes ASPDN first and
     * moves the ASP's state machine to DOWN_SENT after, on another thread: a quick peer's ASPDN ACK can come in
     * between and make jSS7 log an unknown transition as an ERROR at every such stop (see {@link OriginGuard}).
     */
    private boolean aspDownNotYetMarked(String aspFactory) {
        for (AspFactory factory : m3ua.getAspfactories()) {
            if (!factory.getName().equals(aspFactory)) {
                continue;
            }
            for (Asp asp : factory.getAspList()) {
                FSM local = ((AspImpl) asp).getLocalFSM();
                String state = local == null ? null : local.getState().getName();
                if (state != null && !state.equals(AspState.DOWN_SENT.toString()) && !state.equals(AspState.DOWN.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String describePeers() {
        StringBuilder sb = new StringBuilder();
        for (RemotePeer p : config.peers()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(p.name()).append(' ').append(p.role()).append(' ')
                    .append(p.localHost()).append(':').append(p.localPort()).append(p.role() == AssociationRole.SERVER
                            ? " <- " : " -> ").append(p.remoteHost()).append(':').append(p.remotePort())
                    .append(" PC ").append(p.pointCode()).append(" SSN ").append(p.ssns())
                    .append(" GT prefixes ").append(p.gtPrefixes()).append(" zone ").append(p.zone().configName());
        }
        return sb.toString();
    }

    private void configureSccp(SccpStackImpl sccp) throws Exception {
        var resource = sccp.getSccpResource();
        var router = sccp.getRouter();
        List<RemotePeer> peers = config.peers();
        // Each peer's own network first: jSS7 files a received message under the first access point that owns its
        // OPC, so these must come before network 0's, which owns every peer's point code.
        for (int i = 0; i < peers.size(); i++) {
            int pc = peers.get(i).pointCode();
            int sap = SAP_ID + 1 + i;
            router.addMtp3ServiceAccessPoint(sap, MTP3_USER_PART_ID, config.localPointCode(), config.networkIndicator(),
                    Ss7Links.networkIdOf(i));
            router.addMtp3Destination(sap, 1, pc, pc, 0, 255, 255);
        }
        router.addMtp3ServiceAccessPoint(SAP_ID, MTP3_USER_PART_ID, config.localPointCode(),
                config.networkIndicator(), 0);
        router.addRoutingAddress(ROUTING_ADDRESS_LOCAL, GlobalTitles.translationTo(config.localPointCode()));
        router.addRule(RULE_ANY_REMOTE, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.REMOTE,
                GlobalTitles.anyE164(), "K", ROUTING_ADDRESS_LOCAL, -1, null, 0, null);
        int ssnId = 1;
        int ruleId = RULE_DEFAULT_PEER + 1;
        for (int i = 0; i < peers.size(); i++) {
            RemotePeer peer = peers.get(i);
            int pc = peer.pointCode();
            resource.addRemoteSpc(i + 1, pc, 0, 0);
            for (int ssn : peer.ssns()) {
                resource.addRemoteSsn(ssnId++, pc, ssn, 0, false);
            }
            router.addMtp3Destination(SAP_ID, i + 1, pc, pc, 0, 255, 255);
            int oneSection = 10 + 2 * i;
            int twoSections = oneSection + 1;
            router.addRoutingAddress(oneSection, GlobalTitles.translationTo(pc));
            router.addRoutingAddress(twoSections, GlobalTitles.twoSectionTranslationTo(pc));
            for (String prefix : peer.gtPrefixes()) {
                router.addRule(ruleId++, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.LOCAL,
                        GlobalTitles.prefixPattern(prefix), "K/K", twoSections, -1, null, 0, null);
            }
            if (peer.name().equals(config.defaultPeer())) {
                router.addRule(RULE_DEFAULT_PEER, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined,
                        OriginationType.LOCAL, GlobalTitles.anyE164(), "K", oneSection, -1, null, 0, null);
            }
            int network = Ss7Links.networkIdOf(i);
            router.addRule(ruleId++, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.REMOTE,
                    GlobalTitles.anyE164(), "K", ROUTING_ADDRESS_LOCAL, -1, null, network, null);
            router.addRule(ruleId++, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.LOCAL,
                    GlobalTitles.anyE164(), "K", oneSection, -1, null, network, null);
        }
    }

    /** Starts the ASPs: client associations connect (servers accept) and M3UA brings each AS up. */
    public synchronized void connect() throws Exception {
        if (!aspsStarted) {
            for (String asp : aspNames) {
                m3ua.startAsp(asp);
            }
            aspsStarted = true;
        }
    }

    /** Completes when the M3UA AS towards every peer is active; never completes exceptionally. */
    public CompletableFuture<Void> active() {
        return CompletableFuture.allOf(asActivity.values().stream().map(AsActivity::active)
                .toArray(CompletableFuture[]::new));
    }

    /** Completes when the M3UA AS towards the named peer is active; never completes exceptionally. */
    public CompletableFuture<Void> active(String peerName) {
        return activity(peerName).active();
    }

    /** Whether the M3UA AS towards the named peer is active now (it may go down and come back). */
    public boolean isActive(String peerName) {
        return activity(peerName).isUp();
    }

    private AsActivity activity(String peerName) {
        AsActivity activity = asActivity.get(peerName);
        if (activity == null) {
            throw new IllegalArgumentException("stack " + config.name() + " has no peer " + peerName);
        }
        return activity;
    }

    public Ss7StackConfig config() {
        return config;
    }

    /** Which peer, and zone, an incoming dialog arrived from. */
    public Ss7Links links() {
        return links;
    }

    /** M3UA DATA messages dropped on the named peer's association for an OPC that is not the peer's. */
    public long originGuardDrops(String peerName) {
        activity(peerName);
        OriginGuard guard = originGuards.get(peerName);
        return guard == null ? 0 : guard.dropped();
    }

    /** Where each M3UA message received over a peer's association (passed or dropped) is reported. */
    public void onM3uaTraffic(M3uaTraffic listener) {
        this.m3uaTraffic = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Replies (TC-CONTINUE, TC-END, TC-ABORT) to this node's dialogs dropped so far because they arrived over
     * another link than the peer the dialog is with ({@link ReplyLinkGuard}).
     */
    public long repliesFromWrongLink() {
        return replyGuard == null ? 0 : replyGuard.dropped();
    }

    /**
     * Tells {@code listener} of every reply dropped for arriving over the wrong link, on the jSS7 thread that read it:
     * it must be quick and must not block. Register before {@link #connect()}.
     */
    public void onReplyFromWrongLink(java.util.function.Consumer<RefusedReply> listener) {
        replyGuard.addListener(listener);
    }

    /** Register service and dialog listeners here; the SMS service is already activated. */
    public MAPProvider mapProvider() {
        return map.getMAPProvider();
    }

    /**
     * The gate every received dialog passes (caps, all-or-nothing screening of TC-BEGINs): add a
     * {@link org.mtcgate.map.dialog.RefusalListener} to it to audit its refusals.
     */
    public IncomingDialogGate gate() {
        return gate;
    }

    /** Dialogs in jSS7's TCAP table now, incoming and outgoing. */
    public int tcapDialogs() {
        return ((TCAPProviderImpl) tcap.getProvider()).getCurrentDialogsCount();
    }

    /** This node's calling party address for {@code ssn}: its own GT, routed on GT. */
    public SccpAddress localAddress(int ssn) {
        return GlobalTitles.routeOnGt(config.localGlobalTitle(), ssn);
    }

    boolean tcapRemovesCancelledTimers() {
        return TcapTuning.removesCancelledTimers(tcap);
    }

    int m3uaDeliveryThreads() {
        return m3ua.getDeliveryMessageThreadCount();
    }

    long tcapInvokeTimeout() {
        return tcap.getInvokeTimeout();
    }

    long tcapDialogIdleTimeout() {
        return tcap.getDialogIdleTimeout();
    }

    /** Stops MAP, TCAP, SCCP, M3UA and the transport, in that order; safe to call twice. */
    @Override
    public synchronized void close() {
        // M3UA's own stop() takes its ASPs down (stopFactories); an explicit stopAsp() before it races
        // with the peer's ASPDN-ACK and makes jSS7 log an unknown FSM transition.
        aspsStarted = false;
        stopping = true;
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().close();
            } catch (Exception e) {
                LOG.warn("stack {}: stopping a layer failed", config.name(), e);
            }
        }
    }
}

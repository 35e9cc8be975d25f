package org.mtcgate.map.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.sctp.netty.NettySctpManagementImpl;
import org.mobicents.protocols.ss7.m3ua.ExchangeType;
import org.mobicents.protocols.ss7.m3ua.Functionality;
import org.mobicents.protocols.ss7.m3ua.IPSPType;
import org.mobicents.protocols.ss7.m3ua.impl.M3UAManagementImpl;
import org.mobicents.protocols.ss7.m3ua.impl.parameter.ParameterFactoryImpl;
import org.mobicents.protocols.ss7.m3ua.parameter.RoutingContext;
import org.mobicents.protocols.ss7.m3ua.parameter.TrafficModeType;
import org.mobicents.protocols.ss7.map.MAPStackImpl;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.sccp.LoadSharingAlgorithm;
import org.mobicents.protocols.ss7.sccp.OriginationType;
import org.mobicents.protocols.ss7.sccp.RuleType;
import org.mobicents.protocols.ss7.sccp.impl.SccpStackImpl;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.TCAPStackImpl;

/**
 * One jSS7 stack, M3UA (IPSP, one association to one peer) + SCCP + TCAP + MAP, assembled from an
 * {@link Ss7StackConfig}.
 *
 * <p>Use: {@link #assemble} starts every layer but sends nothing; register MAP listeners on
 * {@link #mapProvider()}; {@link #connect()} starts the ASP; {@link #active()} completes when the M3UA AS is
 * active; {@link #close()} stops everything. jSS7's threads are not daemons, so a stack that is not closed
 * keeps the JVM alive; a failed assembly stops what it had started before throwing.
 *
 * <p>SCCP routes on GT in both directions: called GTs of messages from the peer translate to the local point
 * code, called GTs of local messages translate to the peer's point code (Q.714 2.4); digits are kept.
 */
public final class Ss7Stack implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Ss7Stack.class);
    private static final int MTP3_USER_PART_ID = 1;
    private static final int SAP_ID = 1;
    private static final int ROUTING_ADDRESS_LOCAL = 1;
    private static final int ROUTING_ADDRESS_PEER = 2;

    private final Ss7StackConfig config;
    private final Deque<AutoCloseable> stopActions = new ArrayDeque<>();
    private final AsActivity asActivity;
    private final String aspName;
    private M3UAManagementImpl m3ua;
    private TCAPStackImpl tcap;
    private MAPStackImpl map;
    private boolean aspStarted;

    private Ss7Stack(Ss7StackConfig config) {
        this.config = config;
        this.asActivity = new AsActivity(config.name() + "-as");
        this.aspName = config.name() + "-asp";
    }

    /** Assembles and starts all layers, then starts the ASP: traffic may flow once {@link #active()} completes. */
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

    /** Starts every layer without starting the ASP, so listeners can be registered before any traffic. */
    public static Ss7Stack assemble(Ss7StackConfig config) throws Exception {
        Ss7Stack stack = new Ss7Stack(config);
        try {
            stack.build();
        } catch (Exception | Error e) {
            LOG.error("stack {} failed to start; stopping what had started", config.name(), e);
            stack.close();
            throw e;
        }
        return stack;
    }

    private void build() throws Exception {
        if (config.transport() == Transport.SCTP) {
            SctpSupport.requireCompatibleNetty();
        }
        String persistDir = PersistDir.prepare(config.persistDir());
        String associationName = config.name() + "-assoc";
        IpChannelType channel = config.transport() == Transport.SCTP ? IpChannelType.SCTP : IpChannelType.TCP;

        NettySctpManagementImpl transport = new NettySctpManagementImpl(config.name() + "-sctp");
        transport.setPersistDir(persistDir);
        transport.start();
        stopActions.push(transport::stop);
        transport.setConnectDelay(1000); // reconnect attempt period of a client association, ms
        if (config.role() == AssociationRole.SERVER) {
            String serverName = config.name() + "-server";
            transport.addServer(serverName, config.localHost(), config.localPort(), channel, null);
            transport.addServerAssociation(config.remoteHost(), config.remotePort(), serverName, associationName,
                    channel);
            transport.startServer(serverName);
        } else {
            transport.addAssociation(config.localHost(), config.localPort(), config.remoteHost(),
                    config.remotePort(), associationName, channel, null);
        }

        m3ua = new M3UAManagementImpl(config.name() + "-m3ua", "mtcgate");
        m3ua.setPersistDir(persistDir);
        m3ua.setTransportManagement(transport);
        m3ua.addM3UAManagementEventListener(asActivity);
        m3ua.start();
        stopActions.push(m3ua::stop);
        ParameterFactoryImpl m3uaParameters = new ParameterFactoryImpl();
        RoutingContext rc = m3uaParameters.createRoutingContext(new long[] {config.routingContext()});
        TrafficModeType loadshare = m3uaParameters.createTrafficModeType(TrafficModeType.Loadshare);
        String asName = config.name() + "-as";
        m3ua.createAs(asName, Functionality.IPSP, ExchangeType.SE,
                config.role() == AssociationRole.SERVER ? IPSPType.SERVER : IPSPType.CLIENT, rc, loadshare, 1, null);
        m3ua.createAspFactory(aspName, associationName);
        m3ua.assignAspToAs(asName, aspName);
        m3ua.addRoute(config.remotePointCode(), -1, -1, asName);

        SccpStackImpl sccp = new SccpStackImpl(config.name() + "-sccp");
        sccp.setPersistDir(persistDir);
        sccp.setMtp3UserPart(MTP3_USER_PART_ID, m3ua);
        sccp.start();
        stopActions.push(sccp::stop);
        configureSccp(sccp);

        List<Integer> ssns = config.localSsns();
        tcap = new TCAPStackImpl(config.name() + "-tcap", sccp.getSccpProvider(), ssns.get(0));
        tcap.setPersistDir(persistDir);
        tcap.setExtraSsns(ssns.subList(1, ssns.size()));
        tcap.start();
        stopActions.push(tcap::stop);
        TcapTuning.removeCancelledTimers(tcap);
        TcapTuning.applyTimeouts(tcap, config.invokeTimeoutMillis(), config.dialogIdleTimeoutMillis());

        map = new MAPStackImpl(config.name() + "-map", tcap.getProvider());
        map.getMAPProvider().getMAPServiceSms().acivate();
        map.start();
        stopActions.push(map::stop);
        LOG.info("stack {} assembled: {} {} {}:{} -> {}:{}, PC {} -> {}, SSN {}, GT {}", config.name(),
                config.transport(), config.role(), config.localHost(), config.localPort(), config.remoteHost(),
                config.remotePort(), config.localPointCode(), config.remotePointCode(), ssns,
                config.localGlobalTitle());
    }

    private void configureSccp(SccpStackImpl sccp) throws Exception {
        int peer = config.remotePointCode();
        sccp.getSccpResource().addRemoteSpc(1, peer, 0, 0);
        int id = 1;
        for (int ssn : config.remoteSsns()) {
            sccp.getSccpResource().addRemoteSsn(id++, peer, ssn, 0, false);
        }
        sccp.getRouter().addMtp3ServiceAccessPoint(SAP_ID, MTP3_USER_PART_ID, config.localPointCode(),
                config.networkIndicator(), 0);
        sccp.getRouter().addMtp3Destination(SAP_ID, 1, peer, peer, 0, 255, 255);
        sccp.getRouter().addRoutingAddress(ROUTING_ADDRESS_LOCAL, GlobalTitles.translationTo(config.localPointCode()));
        sccp.getRouter().addRoutingAddress(ROUTING_ADDRESS_PEER, GlobalTitles.translationTo(peer));
        sccp.getRouter().addRule(1, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.REMOTE,
                GlobalTitles.anyE164(), "K", ROUTING_ADDRESS_LOCAL, -1, null, 0, null);
        sccp.getRouter().addRule(2, RuleType.SOLITARY, LoadSharingAlgorithm.Undefined, OriginationType.LOCAL,
                GlobalTitles.anyE164(), "K", ROUTING_ADDRESS_PEER, -1, null, 0, null);
    }

    /** Starts the ASP: the client association connects (or the server accepts) and M3UA brings the AS up. */
    public synchronized void connect() throws Exception {
        if (!aspStarted) {
            m3ua.startAsp(aspName);
            aspStarted = true;
        }
    }

    /** Completes when the M3UA AS towards the peer is active; never completes exceptionally. */
    public CompletableFuture<Void> active() {
        return asActivity.active();
    }

    public Ss7StackConfig config() {
        return config;
    }

    /** Register service and dialog listeners here; the SMS service is already activated. */
    public MAPProvider mapProvider() {
        return map.getMAPProvider();
    }

    /** This node's calling party address for {@code ssn}: its own GT, routed on GT. */
    public SccpAddress localAddress(int ssn) {
        return GlobalTitles.routeOnGt(config.localGlobalTitle(), ssn);
    }

    boolean tcapRemovesCancelledTimers() {
        return TcapTuning.removesCancelledTimers(tcap);
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
        aspStarted = false;
        while (!stopActions.isEmpty()) {
            try {
                stopActions.pop().close();
            } catch (Exception e) {
                LOG.warn("stack {}: stopping a layer failed", config.name(), e);
            }
        }
    }
}

package org.mtcgate.diameter.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageDecoder;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.Dictionary;
import org.mtcgate.diameter.dictionary.MessageValidator;
import org.mtcgate.diameter.dictionary.StandardDictionary;

/**
 * A Diameter node (RFC 6733): listens for peers, connects to configured peers, answers the base
 * protocol itself and passes application requests to registered {@link DiameterRequestHandler}s.
 *
 * <pre>
 * DiameterNode node = new DiameterNode(DiameterNodeConfig.builder(identity)
 *         .listen(new InetSocketAddress(5868)).tls(tlsSettings).peer(PeerConfig.accepting("scs.example", "example"))
 *         .build());
 * node.registerHandler(ApplicationIds.TSP, (request, ctx) -> ...);
 * node.start();
 * node.sendRequest(request).thenAccept(answer -> ...);
 * </pre>
 */
public final class DiameterNode implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DiameterNode.class);
    /** How long a request whose connection failed waits for another connection to its destination. */
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(2);
    private static final DiameterMessageEncoder ENCODER = new DiameterMessageEncoder();

    private final DiameterNodeConfig config;
    private final Dictionary dictionary;
    private final Map<Long, DiameterRequestHandler> handlers = new HashMap<>();
    private final java.util.Set<Long> announced = new java.util.HashSet<>();
    private final Counters counters = new Counters(null);
    private final PeerTable peers = new PeerTable();
    private final List<PeerConnector> connectors = new ArrayList<>();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private final List<Channel> serverChannels = new ArrayList<>();
    /** The context of the connections this node opens (the node's TLS mode); listeners may use the other. */
    private volatile NodeContext context;
    private OverloadListener overloadListener = OverloadListener.NONE;
    private volatile boolean started;
    private PeerSecurityListener security = PeerSecurityListener.NONE;
    private WireTap wireTap = WireTap.NONE;
    private PeerCountListener peerCounts = PeerCountListener.NONE;
    private PeerFailureListener failures = PeerFailureListener.NONE;

    public DiameterNode(DiameterNodeConfig config) {
        this(config, StandardDictionary.create());
    }

    public DiameterNode(DiameterNodeConfig config, Dictionary dictionary) {
        this.config = config;
        this.dictionary = dictionary;
    }

    /** Registers the handler of one application; its id is then announced in CER/CEA. Before {@link #start}. */
    public synchronized DiameterNode registerHandler(long applicationId, DiameterRequestHandler handler) {
        if (started) {
            throw new IllegalStateException("register handlers before start()");
        }
        handlers.put(applicationId, handler);
        return this;
    }

    /**
     * Announces an application in CER/CEA without serving its requests (a client of that
     * application, e.g. an SCS that sends DAR). Before {@link #start}.
     */
    public synchronized DiameterNode supportApplication(long applicationId) {
        if (started) {
            throw new IllegalStateException("declare applications before start()");
        }
        announced.add(applicationId);
        return this;
    }

    /** Who hears of requests refused with 3004 (the node's audit). Before {@link #start}. */
    public synchronized DiameterNode onOverload(OverloadListener listener) {
        if (started) {
            throw new IllegalStateException("set the overload listener before start()");
        }
        this.overloadListener = java.util.Objects.requireNonNull(listener);
        return this;
    }

    /**
     * Where requests refused because their peer is not trusted for them are reported (audit, metrics); they are
     * counted in {@link #counters()} whether or not a listener is set. Before {@link #start}.
     */
    public synchronized DiameterNode peerSecurityListener(PeerSecurityListener listener) {
        if (started) {
            throw new IllegalStateException("set the listener before start()");
        }
        this.security = java.util.Objects.requireNonNull(listener);
        return this;
    }

    /**
     * Who sees every whole message after TLS, in both directions (captures). With {@link WireTap#NONE}, the default,
     * no handler is added. Before {@link #start}.
     */
    public synchronized DiameterNode wireTap(WireTap tap) {
        if (started) {
            throw new IllegalStateException("set the wire tap before start()");
        }
        this.wireTap = java.util.Objects.requireNonNull(tap);
        return this;
    }

    /** Who hears of each event counted on a connection once its peer is known (per-peer metrics). Before {@link #start}. */
    public synchronized DiameterNode peerCountListener(PeerCountListener listener) {
        if (started) {
            throw new IllegalStateException("set the listener before start()");
        }
        this.peerCounts = java.util.Objects.requireNonNull(listener);
        return this;
    }

    /** Who hears why a connection to a configured peer could not be opened. Before {@link #start}. */
    public synchronized DiameterNode peerFailureListener(PeerFailureListener listener) {
        if (started) {
            throw new IllegalStateException("set the listener before start()");
        }
        this.failures = java.util.Objects.requireNonNull(listener);
        return this;
    }

    /** Binds the listening socket (if configured) and starts connecting to configured peers. */
    public synchronized DiameterNode start() throws InterruptedException, SSLException {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        if (config.tls().isEmpty()) {
            LOG.warn("INSECURE LAB MODE: Diameter over plain TCP without TLS; peers are not authenticated. "
                    + "Never use this outside an isolated lab.");
        }
        if (config.watchdogInterval().compareTo(Duration.ofSeconds(6)) < 0) {
            LOG.warn("Tw = {} is below the 6 s minimum of RFC 3539 3.4.1; acceptable only in tests",
                    config.watchdogInterval());
        }
        boolean inband = config.tls().isPresent() && config.tlsMode() == TlsMode.IN_BAND;
        // Everything but what CER/CEA announce and the in-band TLS contexts is shared by every connection.
        MessageValidator validator = new MessageValidator(dictionary, config.decodeLimits());
        java.util.Set<Long> applications = union(handlers.keySet(), announced);
        ErrorAnswers errors = new ErrorAnswers(config.identity());
        DisconnectPeer disconnect = new DisconnectPeer(config.identity());
        DuplicateCache duplicates = new DuplicateCache(config.duplicateWindow());
        EndToEndIds endToEndIds = new EndToEndIds();
        OverloadGuard overload = new OverloadGuard(config.overload(), overloadListener, errors, System::nanoTime);
        UnexpectedErrors unexpected = new UnexpectedErrors(config.errorLogInterval(), System::nanoTime);
        Map<Long, DiameterRequestHandler> handlerMap = Map.copyOf(handlers);
        boolean anyInband = config.tls().isPresent() && (inband
                || config.listeners().stream().anyMatch(l -> l.tlsMode() == TlsMode.IN_BAND));
        Optional<SslContext> inbandServer = anyInband ? Optional.of(config.tls().get().serverContext()) : Optional.empty();
        Optional<SslContext> inbandClient = anyInband ? Optional.of(config.tls().get().clientContext()) : Optional.empty();
        java.util.function.Function<Boolean, NodeContext> contextOf = inb -> new NodeContext(config, validator, handlerMap,
                new CapabilitiesExchange(config.identity(), applications,
                        inb ? CapabilitiesExchange.TLS : CapabilitiesExchange.NO_INBAND_SECURITY),
                errors, disconnect, peers, duplicates, endToEndIds, counters,
                inb ? inbandServer : Optional.empty(), inb ? inbandClient : Optional.empty(), security, overload, unexpected, peerCounts, failures);
        context = contextOf.apply(inband);
        bossGroup = new NioEventLoopGroup(1);
        workerGroup = new NioEventLoopGroup();
        long window = config.duplicateWindow().toMillis();
        // The sweep walks up to 200k entries: on the acceptor's thread, not on a worker that serves peers.
        bossGroup.scheduleAtFixedRate(context.duplicates()::expire, window, Math.max(1, window / 2), TimeUnit.MILLISECONDS);
        // Refusals with 3004 are reported to the listener in aggregate; this reports the rest each second.
        bossGroup.scheduleAtFixedRate(context.overload()::flushRefusals, 1, 1, TimeUnit.SECONDS);
        for (Listener listener : config.listeners()) {
            boolean listenerInband = config.tls().isPresent() && listener.tlsMode() == TlsMode.IN_BAND;
            NodeContext listenerContext = listenerInband == inband ? context : contextOf.apply(listenerInband);
            SslContext ssl = config.tls().isPresent() && !listenerInband ? config.tls().get().serverContext() : null;
            ServerBootstrap sb = new ServerBootstrap().group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer(listenerContext, ssl, PeerConnection.Role.RESPONDER, Optional.empty(), c -> { }));
            Channel server = sb.bind(listener.address()).sync().channel();
            serverChannels.add(server);
            LOG.info("{}: listening on {} ({})", config.identity().originHost(), server.localAddress(),
                    ssl != null ? "TLS at connect, client certificate required"
                            : listenerInband ? "in-band TLS after CER/CEA, client certificate required" : "plain TCP");
        }
        SslContext clientSsl = config.tls().isPresent() && !inband ? config.tls().get().clientContext() : null;
        for (PeerConfig p : config.peers()) {
            if (p.connectTo().isEmpty()) {
                continue;
            }
            PeerConnector[] holder = new PeerConnector[1];
            Bootstrap b = new Bootstrap().group(workerGroup).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                    .handler(initializer(context, clientSsl, PeerConnection.Role.INITIATOR, Optional.of(p), c -> holder[0].onOpen()));
            holder[0] = new PeerConnector(p, b, workerGroup, new ReconnectBackoff(config.reconnectMin(), config.reconnectMax()),
                    this::isPeerOpen, failures);
            connectors.add(holder[0]);
            holder[0].start();
        }
        return this;
    }

    private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private ChannelInitializer<SocketChannel> initializer(NodeContext ctx, SslContext ssl, PeerConnection.Role role,
                                                          Optional<PeerConfig> expected, Consumer<PeerConnection> onOpen) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (ssl != null) {
                    ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                }
                // One flush (one syscall) per read burst instead of one per answer: with many requests in
                // flight, answers written during a read loop leave together at its end.
                ch.pipeline().addLast("flush", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
                if (wireTap != WireTap.NONE) {
                    ch.pipeline().addLast("tap", new WireTapHandler(wireTap, config.maxMessageLength()));
                }
                ch.pipeline().addLast("decoder", new DiameterMessageDecoder(config.maxMessageLength(), config.decodeLimits()))
                        .addLast("encoder", ENCODER)
                        .addLast("peer", new PeerConnection(ctx, role, expected, onOpen));
            }
        };
    }

    /** The bound address of the first listener (useful with port 0). */
    public InetSocketAddress localAddress() {
        return localAddresses().get(0);
    }

    /** The bound addresses of every listener, in the order configured. */
    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Channel c : serverChannels) {
            out.add((InetSocketAddress) c.localAddress());
        }
        return out;
    }

    public DiameterNodeConfig config() {
        return config;
    }

    public Counters counters() {
        return counters;
    }

    /** Requests being handled and not yet answered, over every peer (what the overload guard bounds); 0 before start. */
    public int pendingRequests() {
        NodeContext c = context;
        return c == null ? 0 : c.overload().pending();
    }

    /** Completes when a connection with this peer has finished the capabilities exchange. */
    public CompletableFuture<Void> whenPeerOpen(String host) {
        return peers.whenOpen(host);
    }

    public boolean isPeerOpen(String host) {
        return peers.byHost(host).isPresent();
    }

    /** The realm a peer announced in its CER/CEA (Origin-Realm), while a connection with it is open. */
    public Optional<String> peerRealm(String host) {
        return peers.byHost(host).map(PeerConnection::peerRealm);
    }

    /** Counters of the current connection to a peer, if one is open. */
    public Optional<Counters> peerCounters(String host) {
        return peers.byHost(host).map(PeerConnection::counters);
    }

    /**
     * Sends a request and completes with its answer. Routing (RFC 6733 6.1): to Destination-Host
     * if a connection with it is open, else to an open peer of Destination-Realm. Origin-Host/Realm
     * and the End-to-End id are filled in when absent. If the connection fails before the answer,
     * the request is sent once more to another peer of the realm with the T bit (RFC 6733 5.5.4).
     */
    public CompletableFuture<DiameterMessage> sendRequest(DiameterMessage request) {
        if (!started) {
            throw new IllegalStateException("not started");
        }
        DiameterMessage.Builder b = request.toBuilder();
        if (request.avp(AvpCodes.ORIGIN_HOST).isEmpty()) {
            b.avp(BaseAvps.originHost(config.identity().originHost()));
        }
        if (request.avp(AvpCodes.ORIGIN_REALM).isEmpty()) {
            b.avp(BaseAvps.originRealm(config.identity().originRealm()));
        }
        if (request.endToEndId() == 0) {
            b.endToEndId(context.endToEndIds().next());
        }
        DiameterMessage r = b.build();
        CompletableFuture<Void> nextOpen = peers.nextOpen();
        Optional<PeerConnection> first = route(r, null);
        if (first.isPresent()) {
            return sendVia(r, first.get());
        }
        if (!peers.dialling()) {
            return noRoute(r);
        }
        // A connection this node dialled is completing its CER/CEA, e.g. the survivor of an election.
        return nextOpen.orTimeout(FAILOVER_WAIT.toMillis(), TimeUnit.MILLISECONDS).handle((v, timeout) -> route(r, null))
                .thenCompose(later -> later.map(c -> sendVia(r, c)).orElseGet(() -> noRoute(r)));
    }

    private static CompletableFuture<DiameterMessage> noRoute(DiameterMessage r) {
        return CompletableFuture.failedFuture(new DiameterRequestException(
                DiameterRequestException.Reason.NO_ROUTE, "no open peer for " + destination(r)));
    }

    private CompletableFuture<DiameterMessage> sendVia(DiameterMessage r, PeerConnection c) {
        return c.send(r).handle((answer, err) -> {
            if (err == null) {
                return CompletableFuture.completedFuture(answer);
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
            if (cause instanceof DiameterRequestException dre
                    && dre.reason() == DiameterRequestException.Reason.PEER_DISCONNECTED) {
                return failover(r, c, cause);
            }
            return CompletableFuture.<DiameterMessage>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /**
     * RFC 6733 5.5.4: the request goes once more, with the T bit, to another open connection for its
     * destination. When there is none yet, it waits briefly for one to open: an election (5.6.4)
     * closes one of two crossing connections while the other is still completing its CER/CEA.
     */
    private CompletableFuture<DiameterMessage> failover(DiameterMessage r, PeerConnection failed, Throwable cause) {
        CompletableFuture<Void> nextOpen = peers.nextOpen();
        Optional<PeerConnection> now = route(r, failed);
        if (now.isPresent()) {
            return retransmit(r, failed, now.get());
        }
        Duration wait = config.requestTimeout().compareTo(FAILOVER_WAIT) < 0 ? config.requestTimeout() : FAILOVER_WAIT;
        return nextOpen.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).handle((v, timeout) -> route(r, failed))
                .thenCompose(later -> later.map(p -> retransmit(r, failed, p))
                        .orElseGet(() -> CompletableFuture.failedFuture(cause)));
    }

    private CompletableFuture<DiameterMessage> retransmit(DiameterMessage r, PeerConnection failed, PeerConnection to) {
        LOG.info("failover of e2e 0x{} from {} to {}", Integer.toHexString(r.endToEndId()), failed.peerHost(), to.peerHost());
        return to.send(r.toBuilder().retransmit(true).build());
    }

    private Optional<PeerConnection> route(DiameterMessage r, PeerConnection exclude) {
        Optional<String> host = r.avp(AvpCodes.DESTINATION_HOST).map(a -> a.text());
        if (host.isPresent()) {
            Optional<PeerConnection> direct = peers.byHost(host.get()).filter(c -> c != exclude);
            if (direct.isPresent()) {
                return direct;
            }
        }
        return r.avp(AvpCodes.DESTINATION_REALM).flatMap(a -> peers.byRealm(a.text(), exclude));
    }

    private static String destination(DiameterMessage r) {
        return r.avp(AvpCodes.DESTINATION_HOST).map(a -> a.text()).orElse("")
                + "@" + r.avp(AvpCodes.DESTINATION_REALM).map(a -> a.text()).orElse("");
    }

    /**
     * Sends DPR (REBOOTING) to every open peer, waits briefly for DPA, then stops all threads.
     * Blocking: call it from an application thread, never from a request handler.
     */
    @Override
    public synchronized void close() {
        if (!started || workerGroup == null) {
            return;
        }
        for (io.netty.util.concurrent.EventExecutor e : workerGroup) {
            if (e.inEventLoop()) {
                // Waiting for DPA here would block the very loop that has to read it.
                throw new IllegalStateException("close() must not be called from a Netty event loop thread");
            }
        }
        connectors.forEach(PeerConnector::stop);
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (PeerConnection c : peers.all()) {
            closing.add(c.disconnect(DisconnectPeer.REBOOTING));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("DPR exchange incomplete at shutdown: {}", e.toString());
        }
        for (Channel server : serverChannels) {
            server.close().syncUninterruptibly();
        }
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup = null;
    }

    /** The configured Tw, for tools that report it. */
    public Duration watchdogInterval() {
        return config.watchdogInterval();
    }
}

package org.mtcgate.diameter.peer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DecodeFailure;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.ValidationError;
import org.mtcgate.diameter.tls.CertificateIdentity;

/**
 * One transport connection to a peer and its state (RFC 6733 5.6). All methods run on the
 * channel's event loop; the only entry points from other threads are {@link #send} and
 * {@link #close}/{@link #disconnect}, which hop onto the loop.
 */
final class PeerConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger(PeerConnection.class);

    enum Role { INITIATOR, RESPONDER }

    private final NodeContext node;
    private final Role role;
    private final Optional<PeerConfig> expected;
    private final Consumer<PeerConnection> onOpen;
    private final Counters counters;
    private Channel channel;
    private PendingRequests pending;
    private Watchdog watchdog;
    private ScheduledFuture<?> capabilitiesTimer;
    private volatile PeerState state;
    /** An initiator between connect and open; counted in the peer table (event loop only). */
    private boolean dialling;
    private volatile String peerHost;
    private volatile String peerRealm;
    /** Whether this connection reached OPEN: only then is its close the peer going down. */
    private volatile boolean opened;
    /** Why the connection is closing, when known before it closes (a DPR); for the "peer down" line. */
    private volatile String closeReason;
    private String pendingHost;
    private String pendingRealm;
    /** Applications the peer announced in its CER/CEA; what it may request is decided from them at open. */
    private java.util.Set<Long> announced = java.util.Set.of();
    private PeerAuthorisation authorisation;
    private RequestBinding binding;

    PeerConnection(NodeContext node, Role role, Optional<PeerConfig> expected, Consumer<PeerConnection> onOpen) {
        this.node = node;
        this.role = role;
        this.expected = expected;
        this.onOpen = onOpen;
        this.counters = new Counters(node.counters());
        counters.addListener(c -> {
            String host = peerHost; // unset before the capabilities exchange: nothing to attribute it to
            if (host != null) {
                node.peerCounts().counted(host, c);
            }
        });
        this.state = role == Role.INITIATOR ? PeerState.WAIT_CEA : PeerState.WAIT_CER;
    }

    String peerHost() {
        return peerHost;
    }

    String peerRealm() {
        return peerRealm;
    }

    PeerState state() {
        return state;
    }

    boolean isOpen() {
        return state == PeerState.OPEN;
    }

    Counters counters() {
        return counters;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        pending = new PendingRequests(channel.eventLoop(), ThreadLocalRandom.current().nextInt());
        capabilitiesTimer = channel.eventLoop().schedule(() -> {
            LOG.warn("{}: no capabilities exchange within {}, closing", channel.remoteAddress(),
                    node.config().capabilitiesTimeout());
            channel.close();
        }, node.config().capabilitiesTimeout().toNanos(), TimeUnit.NANOSECONDS);
        if (role == Role.INITIATOR) {
            dialling = true;
            node.peers().diallingStarted();
            if (ctx.pipeline().get(SslHandler.class) == null) {
                sendCer();
            }
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent e) {
            if (!e.isSuccess()) {
                counters.increment(Counter.TLS_HANDSHAKE_FAILURES);
                LOG.warn("{}: TLS handshake refused: {}", ctx.channel().remoteAddress(), e.cause().toString());
                ctx.close();
            } else if (state == PeerState.WAIT_TLS) {
                onInbandTlsEstablished();
            } else if (role == Role.INITIATOR && state == PeerState.WAIT_CEA) {
                sendCer();
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        PeerState was = state;
        state = PeerState.CLOSED;
        counters.increment(Counter.CONNECTIONS_CLOSED);
        if (capabilitiesTimer != null) {
            capabilitiesTimer.cancel(false);
        }
        if (watchdog != null) {
            watchdog.stop();
        }
        diallingEnded();
        pending.failAll(new DiameterRequestException(DiameterRequestException.Reason.PEER_DISCONNECTED,
                "connection to " + peerHost + " closed"));
        node.peers().remove(this);
        if (opened) {
            // The one line an operator looks for; a connection that never opened has logged why where it failed.
            LOG.info("{} ({}): peer down ({}); counters {}", peerHost, ctx.channel().remoteAddress(),
                    closeReason == null ? "connection closed in state " + was : closeReason, counters);
        } else {
            LOG.debug("{} ({}): connection closed in state {}; counters {}", peerHost == null ? "peer before CER" : peerHost,
                    ctx.channel().remoteAddress(), was, counters);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS failures are reported by the handshake event; anything else is counted and logged, rate-limited.
        node.unexpected().report(peerLabel(), "connection (closing it)", cause, counters);
        ctx.close();
    }

    /** The peer for logs: its Origin-Host once known, else its address. */
    private String peerLabel() {
        return peerHost != null ? peerHost : channel == null ? null : String.valueOf(channel.remoteAddress());
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    // ---- inbound ---------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DecodeFailure f) {
            onDecodeFailure(f);
            return;
        }
        DiameterMessage m = (DiameterMessage) msg;
        counters.increment(Counter.MESSAGES_RECEIVED);
        if (watchdog != null) {
            watchdog.onMessageReceived();
        }
        switch (state) {
            case WAIT_CER -> onMessageWaitingForCer(m);
            case WAIT_CEA -> onMessageWaitingForCea(m);
            case WAIT_TLS -> {
                LOG.warn("{}: Diameter message before the in-band TLS handshake, closing", channel.remoteAddress());
                channel.close();
            }
            case OPEN -> onMessageOpen(m);
            case CLOSING -> onMessageClosing(m);
            case CLOSED -> { }
        }
    }

    /**
     * Framing errors: answer with the code the decoder determined when the header could be read and
     * the peer is past CER; close when the byte stream cannot be framed any more.
     */
    private void onDecodeFailure(DecodeFailure f) {
        counters.increment(Counter.DECODE_FAILURES);
        node.unexpected().badInput(peerLabel(), f.reason() + " -> " + f.resultCode() + (f.fatal() ? ", closing" : ""));
        Optional<DiameterMessage> header = f.header().filter(DiameterMessage::isRequest);
        if (header.isPresent() && state == PeerState.OPEN) {
            DiameterMessage answer = node.errors().build(header.get(), f.resultCode(), f.failedAvp(), f.reason());
            counters.increment(Counter.ERROR_ANSWERS_SENT);
            var write = write(answer);
            if (f.fatal()) {
                write.addListener(ChannelFutureListener.CLOSE);
            }
        } else if (f.fatal() || state != PeerState.OPEN) {
            channel.close();
        }
    }

    /** RFC 6733 5.6 Wait-Conn-Ack / R-Open: the first message from a responder's peer must be CER. */
    private void onMessageWaitingForCer(DiameterMessage m) {
        if (!m.isRequest() || m.commandCode() != CommandCodes.CAPABILITIES_EXCHANGE) {
            counters.increment(Counter.REQUEST_BEFORE_CER);
            LOG.warn("{}: command {} before CER, closing", channel.remoteAddress(), m.commandCode());
            channel.close();
            return;
        }
        Optional<ValidationError> invalid = node.validator().validateRequest(m);
        if (invalid.isPresent()) {
            refuseCer(m, invalid.get().resultCode(), invalid.get().failedAvp(), invalid.get().message());
            return;
        }
        String host = m.avp(AvpCodes.ORIGIN_HOST).orElseThrow().text();
        String realm = m.avp(AvpCodes.ORIGIN_REALM).orElseThrow().text();
        announced = CapabilitiesExchange.announcedApplications(m);
        Optional<String> tlsProblem = tlsIdentityProblem(host);
        if (tlsProblem.isPresent()) {
            counters.increment(Counter.TLS_IDENTITY_MISMATCH);
            refuseCer(m, ResultCode.DIAMETER_UNKNOWN_PEER, Optional.empty(), tlsProblem.get());
            return;
        }
        if (node.config().peer(host).isEmpty() && !node.config().acceptUnknownPeers()) {
            refuseCer(m, ResultCode.DIAMETER_UNKNOWN_PEER, Optional.empty(), "peer " + host + " is not configured");
            return;
        }
        if (!node.capabilities().hasCommonApplication(m)) {
            refuseCer(m, ResultCode.DIAMETER_NO_COMMON_APPLICATION, Optional.empty(), "no common application");
            return;
        }
        if (!node.capabilities().hasCommonSecurity(m)) {
            refuseCer(m, ResultCode.DIAMETER_NO_COMMON_SECURITY, Optional.empty(), node.inbandTls()
                    ? "this node requires in-band TLS (Inband-Security-Id 1)"
                    : "in-band TLS is not offered; use TLS at connect");
            return;
        }
        if (lostElection(host)) {
            channel.close();
            return;
        }
        if (node.inbandTls()) {
            // RFC 6733 6.10: the CEA goes out in clear (startTls), everything after it inside TLS.
            channel.pipeline().addFirst("tls", new SslHandler(node.inbandServerTls().get().newEngine(channel.alloc()), true));
            write(node.capabilities().answer(m, ResultCode.DIAMETER_SUCCESS.code()));
            awaitInbandTls(host, realm);
            return;
        }
        // Open (and in the peer table) before the CEA leaves: the peer may act on the CEA at once, e.g.
        // close the connection that lost the election, and our requests pending there fail over to this one.
        if (becomeOpen(host, realm)) {
            write(node.capabilities().answer(m, ResultCode.DIAMETER_SUCCESS.code()));
        }
    }

    private void refuseCer(DiameterMessage cer, ResultCode code, Optional<org.mtcgate.diameter.codec.Avp> failed,
                           String why) {
        refuseCer(cer, code.code(), failed, why);
    }

    private void refuseCer(DiameterMessage cer, long code, Optional<org.mtcgate.diameter.codec.Avp> failed, String why) {
        counters.increment(Counter.CER_REFUSED);
        LOG.warn("{}: CER refused with {}: {}", channel.remoteAddress(), code, why);
        write(node.capabilities().refusal(cer, code, failed, why, node.errors())).addListener(ChannelFutureListener.CLOSE);
        state = PeerState.CLOSING;
    }

    /** RFC 6733 5.3.2 on the initiator side. */
    private void onMessageWaitingForCea(DiameterMessage m) {
        if (m.isRequest() || m.commandCode() != CommandCodes.CAPABILITIES_EXCHANGE) {
            counters.increment(Counter.REQUEST_BEFORE_CER);
            LOG.warn("{}: command {} before CEA, closing", channel.remoteAddress(), m.commandCode());
            channel.close();
            return;
        }
        long result = m.avp(AvpCodes.RESULT_CODE).map(a -> a.unsigned32()).orElse(0L);
        Optional<String> host = m.avp(AvpCodes.ORIGIN_HOST).map(a -> a.text());
        if (result != ResultCode.DIAMETER_SUCCESS.code() || host.isEmpty()) {
            LOG.warn("{}: CEA result {} from {}, closing", channel.remoteAddress(), result, host.orElse("?"));
            channel.close();
            return;
        }
        if (expected.isPresent() && !expected.get().host().equalsIgnoreCase(host.get())) {
            LOG.warn("{}: CEA from {} but {} was configured, closing", channel.remoteAddress(), host.get(),
                    expected.get().host());
            channel.close();
            return;
        }
        Optional<String> tlsProblem = tlsIdentityProblem(host.get());
        if (tlsProblem.isPresent()) {
            counters.increment(Counter.TLS_IDENTITY_MISMATCH);
            LOG.warn("{}: {}, closing", channel.remoteAddress(), tlsProblem.get());
            channel.close();
            return;
        }
        if (lostElection(host.get())) {
            channel.close();
            return;
        }
        String realm = m.avp(AvpCodes.ORIGIN_REALM).map(a -> a.text()).orElse("");
        announced = CapabilitiesExchange.announcedApplications(m);
        if (node.inbandTls()) {
            if (!node.capabilities().hasCommonSecurity(m)) {
                LOG.warn("{}: CEA from {} does not select in-band TLS, closing", channel.remoteAddress(), host.get());
                channel.close();
                return;
            }
            channel.pipeline().addFirst("tls", node.inbandClientTls().get().newHandler(channel.alloc()));
            awaitInbandTls(host.get(), realm);
            return;
        }
        becomeOpen(host.get(), realm);
    }

    private void awaitInbandTls(String host, String realm) {
        pendingHost = host;
        pendingRealm = realm;
        state = PeerState.WAIT_TLS;
    }

    /** In-band TLS is up: the certificate must name the Origin-Host announced in CER/CEA. */
    private void onInbandTlsEstablished() {
        Optional<String> problem = tlsIdentityProblem(pendingHost);
        if (problem.isPresent()) {
            counters.increment(Counter.TLS_IDENTITY_MISMATCH);
            LOG.warn("{}: in-band TLS: {}, closing", channel.remoteAddress(), problem.get());
            channel.close();
            return;
        }
        becomeOpen(pendingHost, pendingRealm);
    }

    /**
     * RFC 6733 5.6.4 election, for two peers that connected to each other at the same time: the
     * connection initiated by the node with the higher Origin-Host is kept, on both sides. A new
     * connection of the same role (a reconnect) always replaces the old one. This early check spares
     * a loser its CEA or TLS handshake; the peer table decides again, atomically, when registering.
     */
    private boolean lostElection(String host) {
        Optional<PeerConnection> existing = node.peers().byHost(host);
        if (existing.isEmpty() || winsAgainst(existing.get(), host)) {
            return false;
        }
        electionLost(host);
        return true;
    }

    /** Whether this connection to {@code host} is kept when {@code other} is open to the same peer. */
    boolean winsAgainst(PeerConnection other, String host) {
        if (other.role == role) {
            return true;
        }
        boolean localHigher = node.local().originHost().compareToIgnoreCase(host) > 0;
        return (role == Role.INITIATOR) == localHigher;
    }

    private void electionLost(String host) {
        counters.increment(Counter.ELECTIONS_LOST);
        LOG.info("{}: already connected the other way; this {} connection lost the election, closing", host, role);
    }

    private void diallingEnded() {
        if (dialling) {
            dialling = false;
            node.peers().diallingEnded();
        }
    }

    /** Registers the open connection; false (and closing) when it lost the election meanwhile. */
    private boolean becomeOpen(String host, String realm) {
        capabilitiesTimer.cancel(false);
        node.config().peer(host).filter(p -> !p.realm().equalsIgnoreCase(realm)).ifPresent(p ->
                LOG.warn("{}: announces realm {} but is configured in realm {}; routing uses the announced realm",
                        host, realm, p.realm()));
        peerHost = host;
        peerRealm = realm;
        authorisation = PeerAuthorisation.of(node.config().peer(host), announced);
        binding = RequestBinding.of(host, realm, node.config().peer(host));
        state = PeerState.OPEN;
        if (!node.peers().register(this)) {
            // The crossing connection opened on another event loop since lostElection() looked.
            electionLost(host);
            state = PeerState.CLOSING;
            channel.close();
            return false;
        }
        opened = true; // the peer's one connection: its close is the peer going down
        watchdog = new Watchdog(channel.eventLoop(), node.config().watchdogInterval(), new Watchdog.Actions() {
            @Override
            public void sendWatchdogRequest() {
                counters.increment(Counter.DWR_SENT);
                write(Watchdog.request(node.local(), pending.nextHopByHop(), node.endToEndIds().next()));
            }

            @Override
            public void watchdogFailed() {
                counters.increment(Counter.WATCHDOG_TIMEOUTS);
                LOG.warn("{}: no DWA within Tw, connection failed (RFC 3539 3.4.1), closing", peerHost);
                channel.close();
            }
        });
        watchdog.start();
        diallingEnded();
        LOG.info("{} ({}, realm {}): peer up, open as {}", host, channel.remoteAddress(), realm, role);
        onOpen.accept(this);
        return true;
    }

    /**
     * RFC 6733 13: the identity authenticated by TLS must be the peer's Origin-Host. Returns the
     * problem, or empty when the identities match or TLS is not used (insecure lab mode).
     */
    private Optional<String> tlsIdentityProblem(String originHost) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            Certificate[] certs = ssl.engine().getSession().getPeerCertificates();
            if (certs.length == 0 || !(certs[0] instanceof X509Certificate cert)) {
                return Optional.of("no peer certificate");
            }
            if (!CertificateIdentity.matches(cert, originHost)) {
                return Optional.of("certificate identities " + CertificateIdentity.identities(cert)
                        + " do not match Origin-Host " + originHost);
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.of("peer not authenticated: " + e.getMessage());
        }
    }

    private void onMessageOpen(DiameterMessage m) {
        if (!m.isRequest()) {
            onAnswer(m);
            return;
        }
        if (m.applicationId() == ApplicationIds.COMMON) {
            switch (m.commandCode()) {
                case CommandCodes.DEVICE_WATCHDOG -> onWatchdogRequest(m);
                case CommandCodes.DISCONNECT_PEER -> onDisconnectRequest(m);
                case CommandCodes.CAPABILITIES_EXCHANGE -> answerError(m, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(),
                        Optional.empty(), "capabilities already exchanged");
                default -> onApplicationRequest(m);
            }
            return;
        }
        onApplicationRequest(m);
    }

    private void onMessageClosing(DiameterMessage m) {
        if (!m.isRequest()) {
            if (m.commandCode() == CommandCodes.DISCONNECT_PEER) {
                counters.increment(Counter.DPA_RECEIVED);
            }
            pending.complete(m);
        }
    }

    /** RFC 6733 5.5.1/5.5.2: answer DWR with DWA. */
    private void onWatchdogRequest(DiameterMessage dwr) {
        counters.increment(Counter.DWR_RECEIVED);
        if (!validOrAnswered(dwr)) {
            return;
        }
        write(Watchdog.answer(node.local(), dwr));
    }

    /** RFC 6733 5.4.1/5.4.2 and 5.6 R-Rcv-DPR: answer DPA, then disconnect. */
    private void onDisconnectRequest(DiameterMessage dpr) {
        if (!validOrAnswered(dpr)) {
            return;
        }
        closeReason = "DPR received, cause " + dpr.avp(AvpCodes.DISCONNECT_CAUSE).map(a -> a.unsigned32()).orElse(-1L);
        LOG.debug("{}: {}, closing", peerHost, closeReason);
        counters.increment(Counter.DPR_RECEIVED);
        state = PeerState.CLOSING;
        write(node.disconnect().answer(dpr)).addListener(ChannelFutureListener.CLOSE);
    }

    private void onAnswer(DiameterMessage answer) {
        if (answer.applicationId() == ApplicationIds.COMMON && answer.commandCode() == CommandCodes.DEVICE_WATCHDOG) {
            counters.increment(Counter.DWA_RECEIVED);
            watchdog.onWatchdogAnswer();
            return;
        }
        if (!pending.complete(answer)) {
            // RFC 6733 6.2.1: an answer matching no pending request is discarded.
            counters.increment(Counter.UNKNOWN_ANSWERS);
            LOG.debug("{}: answer with unknown Hop-by-Hop 0x{} discarded", peerHost,
                    Integer.toHexString(answer.hopByHopId()));
        }
    }

    /** Application request: validate, route locally, detect duplicates (RFC 6733 6.5), dispatch. */
    private void onApplicationRequest(DiameterMessage request) {
        // Who may send what is decided from the header alone, before anything else reads the message.
        if (!trustedOrAnswered(request, authorisation.check(request))) {
            return;
        }
        if (!validOrAnswered(request)) {
            return;
        }
        if (!trustedOrAnswered(request, binding.check(request))) {
            return;
        }
        Optional<String> destHost = request.avp(AvpCodes.DESTINATION_HOST).map(a -> a.text());
        if (destHost.isPresent() && !destHost.get().equalsIgnoreCase(node.local().originHost())) {
            // This node does not relay (RFC 6733 6.1.4 would forward; we are a server only).
            answerError(request, ResultCode.DIAMETER_UNABLE_TO_DELIVER.code(), Optional.empty(),
                    "not " + destHost.get());
            return;
        }
        Optional<String> destRealm = request.avp(AvpCodes.DESTINATION_REALM).map(a -> a.text());
        if (destRealm.isPresent() && !destRealm.get().equalsIgnoreCase(node.local().originRealm())) {
            answerError(request, ResultCode.DIAMETER_REALM_NOT_SERVED.code(), Optional.empty(), destRealm.get());
            return;
        }
        DiameterRequestHandler handler = node.handlers().get(request.applicationId());
        if (handler == null) {
            answerError(request, ResultCode.DIAMETER_APPLICATION_UNSUPPORTED.code(), Optional.empty(),
                    "application " + request.applicationId());
            return;
        }
        // RFC 6733 6.5 identifies a request by Origin-Host and End-to-End id; the Origin-Host is bound to this
        // connection above, and the key is the authenticated host itself, so no peer can reach another's entries.
        int hopByHop = request.hopByHopId();
        OverloadGuard.Admission admission = node.overload().admit(peerHost, request, counters).orElse(null);
        if (admission == null) {
            answerTooBusy(request);
            return;
        }
        DuplicateCache.Entry fresh = node.duplicates().register(peerHost, request.endToEndId(),
                earlier -> write(earlier.toBuilder().hopByHopId(hopByHop).build()));
        if (fresh == null) {
            admission.release();
            counters.increment(Counter.DUPLICATE_REQUESTS);
            LOG.info("{}: duplicate request e2e 0x{}, resending the earlier answer", peerHost,
                    Integer.toHexString(request.endToEndId()));
            return;
        }
        counters.increment(Counter.REQUESTS_HANDLED);
        CompletionStage<DiameterMessage> stage;
        try {
            stage = handler.handle(request, new RequestContext(peerHost, peerRealm, node.local()));
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((a, err) -> answerHandled(request, admission, fresh, a, err));
    }

    /** Sends what the handler produced; a failed or broken handler gets 5012, reported, never silent. */
    private void answerHandled(DiameterMessage request, OverloadGuard.Admission admission, DuplicateCache.Entry fresh,
                               DiameterMessage a, Throwable err) {
        DiameterMessage out;
        try {
            if (err != null || a == null) {
                node.unexpected().report(peerHost, "handler for application " + request.applicationId(),
                        err != null ? err : new IllegalStateException("handler completed without an answer"), counters);
                out = node.errors().build(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(), Optional.empty(),
                        "application error");
            } else {
                out = completeAnswer(request, a);
            }
            out = admission.complete(out);
        } catch (RuntimeException e) {
            admission.release();
            node.unexpected().report(peerHost, "answer to application " + request.applicationId(), e, counters);
            out = node.errors().build(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(), Optional.empty(),
                    "application error");
        }
        fresh.answered(out);
        write(out);
    }

    /** RFC 6733 7.1.3 3004, at once, for a request beyond the pending bounds (counted by the guard). */
    private void answerTooBusy(DiameterMessage request) {
        counters.increment(Counter.ERROR_ANSWERS_SENT);
        write(node.overload().tooBusy(peerHost, request));
    }

    /** Makes the answer consistent with its request (RFC 6733 6.2) whatever the handler built. */
    private DiameterMessage completeAnswer(DiameterMessage request, DiameterMessage a) {
        DiameterMessage.Builder b = a.toBuilder()
                .flags((a.flags() & ~DiameterMessage.FLAG_REQUEST & ~DiameterMessage.FLAG_PROXIABLE)
                        | (request.flags() & DiameterMessage.FLAG_PROXIABLE))
                .commandCode(request.commandCode()).applicationId(request.applicationId())
                .hopByHopId(request.hopByHopId()).endToEndId(request.endToEndId());
        if (a.avp(AvpCodes.ORIGIN_HOST).isEmpty()) {
            b.avp(BaseAvps.originHost(node.local().originHost()));
        }
        if (a.avp(AvpCodes.ORIGIN_REALM).isEmpty()) {
            b.avp(BaseAvps.originRealm(node.local().originRealm()));
        }
        return b.build();
    }

    /**
     * Whether a trust check ({@link PeerAuthorisation}: application and command allowed to this peer;
     * {@link RequestBinding}: bound to this connection's authenticated peer) passed; if not, the request is
     * answered, counted and reported, and goes no further.
     */
    private boolean trustedOrAnswered(DiameterMessage request, Optional<TrustRefusal> refusal) {
        if (refusal.isEmpty()) {
            return true;
        }
        TrustRefusal r = refusal.get();
        counters.increment(r.counter());
        String claimed = request.avp(AvpCodes.ORIGIN_HOST).map(a -> a.text()).orElse(null);
        LOG.debug("{}: request {}/{} refused with {} ({}): {}", peerHost, request.applicationId(), request.commandCode(),
                r.resultCode(), r.rule().id(), r.reason());
        try {
            node.security().refused(new PeerSecurityListener.RefusedRequest(peerHost, channel.remoteAddress(), claimed,
                    request.applicationId(), request.commandCode(), r.resultCode(), r.rule(), r.reason()));
        } catch (RuntimeException e) {
            // The peer is still answered; a failing audit sink must not cost the connection.
            LOG.warn("{}: the refusal of a request could not be reported: {}", peerHost, e.toString());
        }
        answerError(request, r.resultCode(), r.failedAvp(), r.reason());
        return false;
    }

    private boolean validOrAnswered(DiameterMessage request) {
        Optional<ValidationError> invalid = node.validator().validateRequest(request);
        if (invalid.isEmpty()) {
            return true;
        }
        ValidationError e = invalid.get();
        LOG.info("{}: request {} refused with {}: {}", peerHost, request.commandCode(), e.resultCode(), e.message());
        answerError(request, e.resultCode().code(), e.failedAvp(), e.message());
        return false;
    }

    private void answerError(DiameterMessage request, long code, Optional<org.mtcgate.diameter.codec.Avp> failed,
                             String why) {
        counters.increment(Counter.ERROR_ANSWERS_SENT);
        write(node.errors().build(request, code, failed, why));
    }

    // ---- outbound --------------------------------------------------------------------------

    private io.netty.channel.ChannelFuture write(DiameterMessage m) {
        counters.increment(Counter.MESSAGES_SENT);
        return channel.writeAndFlush(m).addListener(writeFailed);
    }

    /** A write that fails for another reason than a closed channel (an encoder bug, say) is reported. */
    private final ChannelFutureListener writeFailed = this::onWritten;

    private void onWritten(io.netty.channel.ChannelFuture f) {
        if (!f.isSuccess() && !(f.cause() instanceof java.nio.channels.ClosedChannelException)) {
            node.unexpected().report(peerLabel(), "write", f.cause(), counters);
        }
    }

    private void sendCer() {
        write(node.capabilities().request(pending.nextHopByHop(), node.endToEndIds().next()));
    }

    /** Sends a request on this connection; the future completes with the answer. Thread-safe. */
    CompletableFuture<DiameterMessage> send(DiameterMessage request) {
        CompletableFuture<DiameterMessage> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            if (state != PeerState.OPEN) {
                result.completeExceptionally(new DiameterRequestException(
                        DiameterRequestException.Reason.PEER_DISCONNECTED, "connection to " + peerHost + " not open"));
                return;
            }
            int hbh = pending.nextHopByHop();
            pending.add(hbh, result, node.config().requestTimeout(), () -> counters.increment(Counter.REQUEST_TIMEOUTS));
            write(request.toBuilder().hopByHopId(hbh).build()).addListener(f -> {
                if (!f.isSuccess()) {
                    pending.fail(hbh, new DiameterRequestException(
                            DiameterRequestException.Reason.PEER_DISCONNECTED, f.cause().toString()));
                }
            });
        });
        return result;
    }

    /** RFC 6733 5.4: DPR, wait for DPA (or the request timeout), then close. Thread-safe. */
    CompletableFuture<Void> disconnect(long cause) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.closeFuture().addListener(f -> done.complete(null));
        channel.eventLoop().execute(() -> {
            if (state != PeerState.OPEN) {
                channel.close();
                return;
            }
            state = PeerState.CLOSING;
            CompletableFuture<DiameterMessage> dpa = new CompletableFuture<>();
            int hbh = pending.nextHopByHop();
            pending.add(hbh, dpa, node.config().requestTimeout(), () -> { });
            write(node.disconnect().request(hbh, node.endToEndIds().next(), cause));
            dpa.whenComplete((a, e) -> channel.close());
        });
        return done;
    }
}

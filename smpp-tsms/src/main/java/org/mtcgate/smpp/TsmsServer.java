package org.mtcgate.smpp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.SmOutcomeListener;
import org.mtcgate.filter.store.MemoryRecordStore;
import org.mtcgate.filter.store.RecordStore;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMS-SC's SMPP server for SMEs (Tsms): one listener (plain TCP, or TLS from the configured SSLContext), binds
 * decided by {@link BindGate}, submit_sm and data_sm by {@link SubmitService}, receipts by {@link DeliveryReceipts}.
 *
 * <p>Threads: one acceptor; per connection jSMPP's reader, enquire_link sender and two PDU workers, plus one thread
 * that waits for the bind and is gone once it is decided. {@code maxConnections} bounds them all.
 */
public final class TsmsServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(TsmsServer.class);
    /** SmId submitters of SMs from SMEs start with it; the SMS-SC routes their outcomes here by it. */
    public static final String SUBMITTER_PREFIX = "smpp:";
    /** This server's system_id in bind_resp. */
    static final String SERVER_ID = "mtcgate";
    private static final int PDU_WORKERS = 2;
    private static final int PDU_QUEUE = 100;

    private final TsmsSettings settings;
    private final TsmsObserver observer;
    private final TimeSource time;
    private final TsmsCounters counters = new TsmsCounters();
    private final BindRegistry binds = new BindRegistry();
    private final BindGate gate;
    private final DeliveryReceipts receipts;
    private final SubmitService submits;
    private final MoDelivery mo;
    private final ServerSocket listener;
    private final Map<String, SMPPServerSession> open = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private final PduTap tap;
    private volatile boolean closed;

    private TsmsServer(TsmsSettings settings, FilterEngine filter, RoutingInfo routing, SmsScEntry smsc,
                       TsmsObserver observer, Clock clock, TimeSource time, PduTap tap, RecordStore receiptStore)
            throws IOException {
        this.settings = settings;
        this.tap = tap;
        this.observer = observer;
        this.time = time;
        this.gate = new BindGate(settings.smes());
        this.receipts = new DeliveryReceipts(SUBMITTER_PREFIX, binds, counters, clock, receiptStore);
        this.submits = new SubmitService(settings, filter, routing, smsc, receipts, observer, counters, clock);
        this.mo = new MoDelivery(settings.smes(), binds, counters);
        ServerSocketFactory factory = settings.tls() == null ? ServerSocketFactory.getDefault()
                : settings.tls().getServerSocketFactory();
        this.listener = factory.createServerSocket();
        InetSocketAddress at = settings.listen().isUnresolved()
                ? new InetSocketAddress(settings.listen().getHostString(), settings.listen().getPort()) : settings.listen();
        try {
            listener.setReuseAddress(true);
            listener.bind(at, 50);
        } catch (IOException e) {
            listener.close();
            receipts.close();
            throw new IOException("tsms cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
        }
        this.acceptor = new Thread(this::acceptLoop, "tsms-accept");
        acceptor.setDaemon(true);
    }

    /** Listens and serves until closed. @throws IOException when the listener cannot be opened */
    public static TsmsServer start(TsmsSettings settings, FilterEngine filter, RoutingInfo routing, SmsScEntry smsc,
                                   TsmsObserver observer, Clock clock, TimeSource time) throws IOException {
        return start(settings, filter, routing, smsc, observer, clock, time, PduTap.NONE);
    }

    /** As above, with a tap that sees every PDU received and sent (the node's signalling capture). */
    public static TsmsServer start(TsmsSettings settings, FilterEngine filter, RoutingInfo routing, SmsScEntry smsc,
                                   TsmsObserver observer, Clock clock, TimeSource time, PduTap tap) throws IOException {
        return start(settings, filter, routing, smsc, observer, clock, time, tap, new MemoryRecordStore());
    }

    /**
     * As above, keeping the receipts SMEs asked for in {@code receiptStore} (the node's: a journal), so that they
     * survive a restart. The store stays the caller's to close, after this server.
     */
    public static TsmsServer start(TsmsSettings settings, FilterEngine filter, RoutingInfo routing, SmsScEntry smsc,
                                   TsmsObserver observer, Clock clock, TimeSource time, PduTap tap,
                                   RecordStore receiptStore) throws IOException {
        TsmsServer server = new TsmsServer(settings, filter, routing, smsc, observer, clock, time,
                java.util.Objects.requireNonNull(tap), java.util.Objects.requireNonNull(receiptStore));
        server.acceptor.start();
        LOG.info("tsms: SMPP server on {}{} for {} SMEs", server.localAddress(), settings.tls() == null ? "" : " (TLS)",
                settings.smes().size());
        return server;
    }

    /** Where the SMS-SC reports the outcome of SMs submitted here (submitters starting {@value #SUBMITTER_PREFIX}). */
    public SmOutcomeListener outcomes() {
        return receipts;
    }

    /**
     * An MO SM for an SME's address, to that SME's receiver bind. Completes with false when no SME owns the address
     * (the SMS-SC keeps it as before), true once the SME acknowledged it; fails when it has no receiver bound or
     * refused it (the UE is then told to retry).
     */
    public CompletionStage<Boolean> deliverMo(MobileOriginated sm) {
        return mo.deliver(sm);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public TsmsCounters.Snapshot counters() {
        return counters.snapshot();
    }

    /**
     * Receipts outstanding now: {@code [0]} asked for, their SM's outcome not yet known; {@code [1]} due, waiting
     * for a receiver bind of their SME.
     */
    public int[] receiptsOutstanding() {
        return receipts.outstanding();
    }

    /** Sessions bound now. */
    public int bound() {
        return binds.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("tsms: accepting a connection failed: {}", e.toString());
                }
                continue;
            }
            if (open.size() >= settings.maxConnections()) {
                counters.connectionsRefused.increment();
                closeQuietly(socket);
                continue;
            }
            try {
                serve(socket);
            } catch (IOException | RuntimeException e) {
                LOG.debug("tsms: connection from {} not served: {}", socket.getRemoteSocketAddress(), e.toString());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        SocketConnection connection = tap == PduTap.NONE ? new SocketConnection(socket) : new TappedConnection(socket, tap);
        connection.setSoTimeout((int) settings.bindTimeout().toMillis());
        BoundedPduReader reader = tap == PduTap.NONE ? new BoundedPduReader() : new BoundedPduReader(tap,
                (InetSocketAddress) socket.getLocalSocketAddress(), (InetSocketAddress) socket.getRemoteSocketAddress());
        SMPPServerSession session = new SMPPServerSession(connection, this::stateChanged, new SessionHandler(binds, submits),
                null, PDU_WORKERS, PDU_QUEUE, new SynchronizedPDUSender(new DefaultPDUSender()), reader);
        session.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        session.setTransactionTimer(SubmitService.WAIT.toMillis());
        open.put(session.getSessionId(), session);
        Thread binder = new Thread(() -> awaitBind(session, socket), "tsms-bind-" + connections.incrementAndGet());
        binder.setDaemon(true);
        binder.start();
    }

    private void awaitBind(SMPPServerSession session, Socket socket) {
        String peer = socket.getInetAddress().getHostAddress();
        BindRequest request;
        try {
            request = session.waitForBind(settings.bindTimeout().toMillis());
        } catch (TimeoutException | IllegalStateException e) {
            session.close();
            return;
        }
        BindKind kind = switch (request.getBindType()) {
            case BIND_TX -> BindKind.TRANSMITTER;
            case BIND_RX -> BindKind.RECEIVER;
            case BIND_TRX -> BindKind.TRANSCEIVER;
        };
        try {
            SmeAccount sme = gate.decide(request.getSystemId(), request.getPassword(), kind, socket.getInetAddress());
            BoundSme bound = new BoundSme(sme, kind, peer, session, time);
            binds.add(bound);
            request.accept(SERVER_ID, request.getInterfaceVersion() == InterfaceVersion.IF_50
                    ? InterfaceVersion.IF_50 : InterfaceVersion.IF_34);
            counters.binds.increment();
            observer.bound(sme.systemId(), peer, kind);
            if (kind.receives()) {
                receipts.receiverBound(sme.systemId());
            }
        } catch (SmppRefusal r) {
            counters.bindRefusals.increment();
            observer.bindRefused(request.getSystemId(), peer, r.status(), r.rule(), r.getMessage());
            try {
                request.reject(r.status());
            } catch (IOException | IllegalStateException e) {
                LOG.debug("tsms: bind refusal to {} not sent: {}", peer, e.toString());
            }
            session.close();
        } catch (Exception e) {
            LOG.debug("tsms: bind of {} from {} failed: {}", request.getSystemId(), peer, e.toString());
            binds.remove(session.getSessionId());
            session.close();
        }
    }

    private void stateChanged(SessionState now, SessionState before, org.jsmpp.session.Session session) {
        if (now == SessionState.CLOSED || now == SessionState.UNBOUND) {
            binds.remove(session.getSessionId());
        }
        if (now == SessionState.CLOSED) {
            open.remove(session.getSessionId());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    /** Stops listening, closes every session, stops sending receipts. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("tsms: closing the listener: {}", e.toString());
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.values().forEach(SMPPServerSession::close);
        receipts.close();
        mo.close();
    }
}

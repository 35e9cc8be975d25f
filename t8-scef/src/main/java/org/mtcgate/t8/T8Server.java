package org.mtcgate.t8;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.store.MemoryRecordStore;
import org.mtcgate.filter.store.RecordStore;
import org.mtcgate.filter.trigger.DeviceNotifier;
import org.mtcgate.filter.trigger.DeviceTriggering;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The SCEF's T8 endpoint: an HTTPS server (Netty, HTTP/1.1, the {@link TlsProfile}) with the OAuth token endpoint,
 * the device triggering API on the MTC-IWF's {@link DeviceTriggering} and its OpenAPI document; and the
 * {@link T8Notifier} that sends delivery reports. Bound when made; {@link #close()} stops both.
 */
public final class T8Server implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(T8Server.class);
    private static final Duration IDLE = Duration.ofSeconds(60);

    private final EventLoopGroup group;
    private final ThreadPoolExecutor slowWork;
    private final Channel channel;
    private final T8Stats stats;
    private T8Notifier notifier;
    private java.util.concurrent.ExecutorService notifyIo;
    private Transactions transactions;
    private String apiUri;
    /** Makes each connection's handler; set once the server is bound, before it accepts. */
    private java.util.function.Supplier<T8HttpHandler> handlers;

    private T8Server(T8Settings configured, DeviceTriggering triggering, ClientSecrets secrets, T8RefusalListener refusals,
                     RecordStore store, Clock clock, StreamTap tap) throws IOException, GeneralSecurityException {
        stats = new T8Stats(refusals);
        SslContext tls = TlsProfile.server(configured);
        group = new NioEventLoopGroup(2, new DefaultThreadFactory("t8", true));
        // Client secrets are checked with a deliberately slow hash: one thread, a short queue, never an event loop.
        slowWork = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                new DefaultThreadFactory("t8-token", true));
        try {
            // Bound before the handlers exist (the apiRoot may need the port the system chose), but accepting nothing
            // until they do: auto-read is turned on last.
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            stats.count("connections");
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            if (tap != StreamTap.NONE) {
                                ch.pipeline().addLast(new StreamTapHandler(tap));
                            }
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE.toSeconds(), TimeUnit.SECONDS))
                                    .addLast(new IdleCloser())
                                    .addLast(new HttpServerCodec(4096, 8192, 8192))
                                    .addLast(new ProblemAggregator(configured.maxBody(), stats))
                                    .addLast(handlers.get());
                        }
                    })
                    .bind(configured.listen()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IOException("T8 cannot listen on " + configured.listen() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = localAddress();
        T8Settings s = configured.publicUri() != null ? configured
                : configured.withPublicUri(URI.create("https://" + bound.getHostString() + ":" + bound.getPort()));
        ClientDirectory clients = new ClientDirectory(s.clients());
        AccessTokens tokens = new AccessTokens(s.tokenKey(), s.issuer(), s.apiUri(), s.tokenLifetime(), clock);
        try {
            transactions = new Transactions(s.maxTransactions(), store);
        } catch (IllegalArgumentException e) {
            close();
            throw new IOException(store.location() + ": " + e.getMessage(), e);
        }
        IdempotentCreates creates = new IdempotentCreates(s.duplicateWindow());
        DeviceTriggeringApi api = new DeviceTriggeringApi(triggering, transactions, creates, s.apiUri(), clock, stats);
        // Its own two threads: the client's default pool starts a thread whenever none is idle.
        notifyIo = java.util.concurrent.Executors.newFixedThreadPool(2, new DefaultThreadFactory("t8-notify-io", true));
        HttpClient http = HttpClient.newBuilder().sslContext(TlsProfile.client(s)).sslParameters(TlsProfile.clientParameters())
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).executor(notifyIo).build();
        notifier = new T8Notifier(transactions, api, http, tokens, s.issuer(), clock, stats);
        TokenEndpoint tokenEndpoint = new TokenEndpoint(clients, secrets, tokens, stats);
        byte[] openApi = openApi();
        apiUri = s.apiUri();
        handlers = () -> new T8HttpHandler(clients, tokens, tokenEndpoint, api, openApi, slowWork, stats);
        channel.eventLoop().scheduleAtFixedRate(() -> {
            int n = transactions.sweep(clock.instant());
            creates.sweep(clock.instant());
            if (n > 0) {
                LOG.info("T8: forgot {} finished transactions", n);
            }
        }, 10, 10, TimeUnit.SECONDS);
        channel.config().setAutoRead(true);
        LOG.info("T8 (SCEF device triggering) listening on https://{}, apiRoot {}", bound, s.publicUri());
    }

    /** Binds the T8 server; triggers go to {@code triggering}, whose notifier must pass T8's triggers to {@link #notifier()}. */
    public static T8Server start(T8Settings settings, DeviceTriggering triggering, ClientSecrets secrets, Clock clock)
            throws IOException, GeneralSecurityException {
        return new T8Server(settings, triggering, secrets, T8RefusalListener.NONE, new MemoryRecordStore(), clock, StreamTap.NONE);
    }

    /** As {@link #start(T8Settings, DeviceTriggering, ClientSecrets, Clock)}, every security refusal also to {@code refusals}. */
    public static T8Server start(T8Settings settings, DeviceTriggering triggering, ClientSecrets secrets,
                                 T8RefusalListener refusals, Clock clock) throws IOException, GeneralSecurityException {
        return new T8Server(settings, triggering, secrets, refusals, new MemoryRecordStore(), clock, StreamTap.NONE);
    }

    /**
     * As {@link #start(T8Settings, DeviceTriggering, ClientSecrets, T8RefusalListener, Clock)}, with the transactions
     * (and their pending delivery reports) kept in {@code store}; the caller closes it after this server.
     */
    public static T8Server start(T8Settings settings, DeviceTriggering triggering, ClientSecrets secrets,
                                 T8RefusalListener refusals, RecordStore store, Clock clock)
            throws IOException, GeneralSecurityException {
        return start(settings, triggering, secrets, refusals, store, clock, StreamTap.NONE);
    }

    /** As above, with a tap that sees every connection's octets after TLS (the node's signalling capture). */
    public static T8Server start(T8Settings settings, DeviceTriggering triggering, ClientSecrets secrets,
                                 T8RefusalListener refusals, RecordStore store, Clock clock, StreamTap tap)
            throws IOException, GeneralSecurityException {
        return new T8Server(settings, triggering, secrets, refusals, store, clock, java.util.Objects.requireNonNull(tap));
    }

    /** Sends the delivery reports that were pending when the node last stopped. */
    public void resume() {
        notifier.resume();
    }

    /** Where delivery reports of T8's triggers go. */
    public DeviceNotifier notifier() {
        return notifier;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The device triggering API's root, e.g. https://127.0.0.1:8443/3gpp-device-triggering/v1. */
    public String apiUri() {
        return apiUri;
    }

    public T8Stats stats() {
        return stats;
    }

    public int transactionCount() {
        return transactions.size();
    }

    public void statsLines(Consumer<String> out) {
        stats.lines(out);
    }

    private static byte[] openApi() throws IOException {
        try (InputStream in = T8Server.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IOException("openapi.yaml is missing from the t8-scef jar");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        if (notifier != null) {
            notifier.close();
        }
        if (notifyIo != null) {
            notifyIo.shutdownNow();
        }
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (slowWork != null) {
            slowWork.shutdownNow();
        }
    }
}

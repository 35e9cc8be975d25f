package org.mtcgate.lab.naf;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.mtcgate.gba.bootstrap.NafId;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A NAF for labs: Ua over HTTPS ({@link NafHandler}, the server certificate names the NAF FQDN) with keys from the
 * BSF over Zn ({@link ZnClient}). Bounded as Ub is: request line 4 KB, headers 8 KB, body 8 KB, idle connections
 * closed after 30 s, 10,000 nonces (each valid 5 minutes) and 10,000 keys held.
 */
public final class LabNaf implements AutoCloseable {
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_NONCES = 10_000;
    static final int MAX_KEYS = 10_000;

    private final EventLoopGroup group;
    private final Channel channel;
    private final NafHandler handler;
    private final NafKeys keys;

    private LabNaf(EventLoopGroup group, Channel channel, NafHandler handler, NafKeys keys) {
        this.group = group;
        this.channel = channel;
        this.handler = handler;
        this.keys = keys;
    }

    /** Binds and serves; {@code ssl} is the NAF's server context for its FQDN. */
    public static LabNaf start(InetSocketAddress address, SslContext ssl, NafId naf, ZnClient zn, Clock clock, NafEvents events)
            throws InterruptedException {
        NafKeys keys = new NafKeys(zn, naf, MAX_KEYS, clock);
        NafHandler handler = new NafHandler(naf, new NafNonces(MAX_NONCES, NONCE_LIFETIME, clock), keys, events);
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("lab-naf"));
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()),
                                    new ReadTimeoutHandler(30, TimeUnit.SECONDS),
                                    new HttpServerCodec(4096, 8192, 8192),
                                    new HttpObjectAggregator(8192),
                                    handler);
                        }
                    })
                    .bind(address).sync().channel();
            return new LabNaf(group, channel, handler, keys);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Requests authenticated with a Ks_NAF. */
    public long authenticatedCount() {
        return handler.authenticatedCount();
    }

    /** Requests refused. */
    public long refusedCount() {
        return handler.refusedCount();
    }

    /** Keys asked of the BSF over Zn. */
    public long znRequestCount() {
        return keys.fetchedCount();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

package org.mtcgate.lab.cli;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench's SCS/AS: one kept-alive HTTPS connection per create in flight (Netty, mutual TLS), each sending the next
 * create when the answer to the last is in. Lean on purpose, so that what is measured is the SCEF, not the client.
 */
final class T8Load implements AutoCloseable {
    final LongAdder created = new LongAdder();
    final LongAdder refused = new LongAdder();
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final SslContext tls;
    private final InetSocketAddress server;
    private final URI api;
    private final String token;
    private final String destination;
    private final int ues;
    private final AtomicLong sequence = new AtomicLong();

    T8Load(SslContext tls, InetSocketAddress server, URI api, String token, String destination, int ues) {
        this.tls = tls;
        this.server = server;
        this.api = api;
        this.token = token;
        this.destination = destination;
        this.ues = ues;
    }

    /** Runs {@code inFlight} connections until {@code end} (System.nanoTime); completes when all have stopped. */
    CompletableFuture<Void> run(int inFlight, long end) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), api.getHost(), server.getPort()))
                            .addLast(new HttpClientCodec()).addLast(new HttpObjectAggregator(64 * 1024))
                            .addLast(new Connection(end, done));
                }
            }).connect(server).addListener(f -> {
                if (!f.isSuccess()) {
                    done.completeExceptionally(f.cause());
                }
            });
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    void reset() {
        created.reset();
        refused.reset();
        synchronized (latency) {
            latency.reset();
        }
    }

    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final long end;
        private final CompletableFuture<Void> done;
        private long sentAt;

        Connection(long end, CompletableFuture<Void> done) {
            this.end = end;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            next(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (response.status().code() == 201) {
                created.increment();
                synchronized (latency) {
                    latency.recordValue(Math.min(System.nanoTime() - sentAt, latency.getHighestTrackableValue()));
                }
            } else {
                refused.increment();
            }
            next(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
            ctx.close();
        }

        private void next(Channel channel) {
            if (System.nanoTime() >= end) {
                channel.close();
                done.complete(null);
                return;
            }
            long n = sequence.incrementAndGet();
            byte[] body = ("{\"externalId\": \"ue-" + (1 + n % ues) + "@bench.test\", \"validityPeriod\": 600,"
                    + " \"priority\": \"NO_PRIORITY\", \"applicationPortId\": 9200, \"triggerPayload\": \""
                    + Base64.getEncoder().encodeToString(Long.toString(n).getBytes(StandardCharsets.US_ASCII))
                    + "\", \"notificationDestination\": \"" + destination + "\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, api.getRawPath(),
                    Unpooled.wrappedBuffer(body));
            request.headers().set(HttpHeaderNames.HOST, api.getHost())
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            sentAt = System.nanoTime();
            channel.writeAndFlush(request);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

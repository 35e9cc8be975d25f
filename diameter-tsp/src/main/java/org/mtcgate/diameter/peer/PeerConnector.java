package org.mtcgate.diameter.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps one connection open to a configured peer: connects, and after a failure or a close
 * reconnects with exponential back-off until the node stops.
 */
final class PeerConnector {
    private static final Logger LOG = LogManager.getLogger(PeerConnector.class);

    private final PeerConfig peer;
    private final Bootstrap bootstrap;
    private final EventLoopGroup group;
    private final ReconnectBackoff backoff;
    private final java.util.function.Predicate<String> alreadyOpen;
    private volatile boolean stopped;
    private final ConnectFailures failures = new ConnectFailures(TimeUnit.MINUTES.toNanos(1), System::nanoTime);

    PeerConnector(PeerConfig peer, Bootstrap bootstrap, EventLoopGroup group, ReconnectBackoff backoff,
                  java.util.function.Predicate<String> alreadyOpen) {
        this.peer = peer;
        this.alreadyOpen = alreadyOpen;
        this.bootstrap = bootstrap;
        this.group = group;
        this.backoff = backoff;
    }

    void start() {
        connect();
    }

    void stop() {
        stopped = true;
    }

    void onOpen() {
        backoff.reset();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        if (alreadyOpen.test(peer.host())) {
            // The peer connected to us and won the election: check again later instead of dialling.
            retry();
            return;
        }
        ChannelFuture f = bootstrap.connect(peer.connectTo().orElseThrow());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                long report = failures.failed();
                if (report == 1 && failures.total() == 1) {
                    LOG.info("{}: connect to {} failed: {}; retrying with back-off, reported once a minute",
                            peer.host(), peer.connectTo().get(), done.cause().toString());
                } else if (report > 0) {
                    LOG.info("{}: still unreachable at {}: {} more attempts failed ({} since it was last reached), last: {}",
                            peer.host(), peer.connectTo().get(), report, failures.total(), done.cause().toString());
                } else {
                    LOG.debug("{}: connect to {} failed: {}", peer.host(), peer.connectTo().get(), done.cause().toString());
                }
                retry();
            } else {
                failures.succeeded();
                f.channel().closeFuture().addListener(c -> retry());
            }
        });
    }

    private void retry() {
        if (stopped || group.isShuttingDown()) {
            return;
        }
        Duration d = backoff.nextDelay();
        LOG.debug("{}: reconnecting in {}", peer.host(), d);
        group.schedule(this::connect, d.toNanos(), TimeUnit.NANOSECONDS);
    }
}

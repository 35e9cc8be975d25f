package org.mtcgate.t8;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Whole requests up to the body limit. A larger one gets 413 as ProblemDetails at once, and the rest of its body is
 * read and thrown away before anything else happens: closing while the client still writes would make the kernel
 * answer its data with a reset, which can destroy the 413 before the client reads it (a lingering close, as web
 * servers do). The drain is bounded in time; a keep-alive connection whose declared body is within
 * {@link #KEEP_ALIVE_LIMIT} stays usable afterwards, any other is closed when its body ends or the time is up.
 */
final class ProblemAggregator extends HttpObjectAggregator {
    /** Largest declared body after which a keep-alive connection is kept: reading more to save a handshake is waste. */
    static final long KEEP_ALIVE_LIMIT = 1 << 20;
    private static final long DRAIN_SECONDS = 5;

    private final int maxBody;
    private final T8Stats stats;
    private boolean draining;  // the rest of an oversized body is being read and discarded
    private boolean closeAfterDrain;
    private ScheduledFuture<?> drainTimer;

    ProblemAggregator(int maxBody, T8Stats stats) {
        super(maxBody);
        this.maxBody = maxBody;
        this.stats = stats;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        stats.count("body-too-large");
        long declared = HttpUtil.getContentLength(oversized, -1L);
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && declared >= 0 && declared <= KEEP_ALIVE_LIMIT;
        ctx.writeAndFlush(T8HttpHandler.response(HttpReply.problem(ProblemDetails.of(413, "Payload Too Large", null,
                "the body is larger than the " + maxBody + " octets this SCEF takes")), keepAlive));
        draining = true;
        closeAfterDrain = !keepAlive;
        drainTimer = ctx.executor().schedule(() -> endDrain(ctx, true), DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (draining && msg instanceof HttpContent) {
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) {
                endDrain(ctx, closeAfterDrain);
            }
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        boolean wasDraining = draining;
        super.channelRead(ctx, msg);
        if (!wasDraining && draining && last) {
            // The body's final chunk itself crossed the limit: nothing more of it will come.
            endDrain(ctx, closeAfterDrain);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (drainTimer != null) {
            drainTimer.cancel(false);
        }
        super.channelInactive(ctx);
    }

    private void endDrain(ChannelHandlerContext ctx, boolean close) {
        if (!draining) {
            return;
        }
        draining = false;
        drainTimer.cancel(false);
        if (close) {
            ctx.close();
        }
    }
}

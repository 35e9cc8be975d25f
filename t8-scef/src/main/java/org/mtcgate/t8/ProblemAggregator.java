package org.mtcgate.t8;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Whole requests up to the body limit; a larger one gets 413 as ProblemDetails and the connection closes. */
final class ProblemAggregator extends HttpObjectAggregator {
    private final int maxBody;
    private final T8Stats stats;

    ProblemAggregator(int maxBody, T8Stats stats) {
        super(maxBody);
        this.maxBody = maxBody;
        this.stats = stats;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        stats.count("body-too-large");
        T8HttpHandler.reply(ctx, HttpReply.problem(ProblemDetails.of(413, "Payload Too Large", null,
                "the body is larger than the " + maxBody + " octets this SCEF takes")), false);
    }
}

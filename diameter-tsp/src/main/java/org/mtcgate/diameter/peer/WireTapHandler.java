package org.mtcgate.diameter.peer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Between TLS and the Diameter decoder: hands every whole message, in both directions, to a {@link WireTap}.
 *
 * <p>Received octets are a stream, so it follows message boundaries on the 24-bit length at all times (a few
 * octets of state, no copying), and copies a message only when the tap wants it as the message begins. It never
 * changes what passes: when the stream cannot be framed (a length the decoder refuses too) it stops looking and
 * lets the decoder answer. Each write below the encoder is one whole message.
 */
final class WireTapHandler extends ChannelDuplexHandler {
    private static final int HEADER = 20;

    private final WireTap tap;
    private final int maxMessageLength;
    private final byte[] head = new byte[4];
    private int length;
    private int filled;
    private byte[] message;
    private boolean unframed;

    WireTapHandler(WireTap tap, int maxMessageLength) {
        this.tap = tap;
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf in && !unframed) {
            follow(ctx, in);
        }
        ctx.fireChannelRead(msg);
    }

    private void follow(ChannelHandlerContext ctx, ByteBuf in) {
        int at = in.readerIndex();
        int end = in.writerIndex();
        while (at < end) {
            if (filled < head.length) {
                head[filled++] = in.getByte(at++);
                if (filled == head.length) {
                    length = ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
                    if (head[0] != 1 || length < HEADER || length > maxMessageLength) {
                        unframed = true;
                        message = null;
                        return;
                    }
                    message = tap.wanted() ? new byte[length] : null;
                    if (message != null) {
                        System.arraycopy(head, 0, message, 0, head.length);
                    }
                }
                continue;
            }
            int n = Math.min(end - at, length - filled);
            if (message != null) {
                in.getBytes(at, message, filled, n);
            }
            at += n;
            filled += n;
            if (filled == length) {
                if (message != null) {
                    tap.seen(true, address(ctx.channel().localAddress()), address(ctx.channel().remoteAddress()), message);
                }
                message = null;
                filled = 0;
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf out && out.isReadable() && tap.wanted()) {
            byte[] copy = new byte[out.readableBytes()];
            out.getBytes(out.readerIndex(), copy);
            tap.seen(false, address(ctx.channel().localAddress()), address(ctx.channel().remoteAddress()), copy);
        }
        ctx.write(msg, promise);
    }

    private static InetSocketAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : new InetSocketAddress(0);
    }
}

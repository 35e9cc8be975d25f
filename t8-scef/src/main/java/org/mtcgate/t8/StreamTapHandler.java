package org.mtcgate.t8;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Right after TLS: hands a {@link StreamTap} a copy of the octets read and written, changing nothing that passes. */
final class StreamTapHandler extends ChannelDuplexHandler {
    private final StreamTap tap;

    StreamTapHandler(StreamTap tap) {
        this.tap = tap;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf in && in.isReadable() && tap.wanted()) {
            tap.seen(true, address(ctx.channel().localAddress()), address(ctx.channel().remoteAddress()), copy(in));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf out && out.isReadable() && tap.wanted()) {
            tap.seen(false, address(ctx.channel().localAddress()), address(ctx.channel().remoteAddress()), copy(out));
        }
        ctx.write(msg, promise);
    }

    private static byte[] copy(ByteBuf b) {
        byte[] bytes = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), bytes);
        return bytes;
    }

    private static InetSocketAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : new InetSocketAddress(0);
    }
}

package org.mtcgate.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link DiameterMessage} in the RFC 6733 3 layout. Stateless, so shareable. */
@ChannelHandler.Sharable
public final class DiameterMessageEncoder extends MessageToByteEncoder<DiameterMessage> {
    public static void encode(DiameterMessage m, ByteBuf out) {
        out.writeByte(DiameterMessage.VERSION);
        out.writeMedium(m.length());
        out.writeByte(m.flags());
        out.writeMedium(m.commandCode());
        out.writeInt((int) m.applicationId());
        out.writeInt(m.hopByHopId());
        out.writeInt(m.endToEndId());
        for (Avp a : m.avps()) {
            AvpWriter.write(a, out);
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DiameterMessage msg, ByteBuf out) {
        encode(msg, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, DiameterMessage msg, boolean preferDirect) {
        return preferDirect ? ctx.alloc().ioBuffer(msg.length()) : ctx.alloc().heapBuffer(msg.length());
    }
}

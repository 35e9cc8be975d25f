package org.mtcgate.diameter.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/** Writes AVPs in the RFC 6733 4.1 layout, padding each to a 32-bit boundary. */
final class AvpWriter {
    private AvpWriter() {
    }

    static void write(Avp avp, ByteBuffer out) {
        out.putInt(avp.code());
        out.putInt((avp.flags() << 24) | avp.length());
        if (avp.isVendorSpecific()) {
            out.putInt((int) avp.vendorId());
        }
        out.put(avp.data());
        for (int i = avp.length(); i < avp.encodedLength(); i++) {
            out.put((byte) 0);
        }
    }

    static void write(Avp avp, ByteBuf out) {
        out.writeInt(avp.code());
        out.writeInt((avp.flags() << 24) | avp.length());
        if (avp.isVendorSpecific()) {
            out.writeInt((int) avp.vendorId());
        }
        out.writeBytes(avp.data());
        out.writeZero(avp.encodedLength() - avp.length());
    }
}

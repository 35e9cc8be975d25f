package org.mtcgate.core.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The pcapng blocks a capture needs (draft-ietf-opsawg-pcapng): one section header, one interface of link type
 * LINKTYPE_RAW (the packet begins with its IPv4 or IPv6 header) and one Enhanced Packet Block per packet, with
 * its direction flag and, when given, a comment. Little-endian, microsecond timestamps (the default resolution).
 */
final class PcapngFile {
    static final int LINKTYPE_RAW = 101;
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int SHB_USERAPPL = 4;
    private static final int IF_NAME = 2;
    private static final int EPB_FLAGS = 2;
    private static final int INBOUND = 1;
    private static final int OUTBOUND = 2;

    private final OutputStream out;
    private long written;

    private PcapngFile(OutputStream out) {
        this.out = out;
    }

    /** Writes the section header and the interface description. */
    static PcapngFile start(OutputStream out, String application) throws IOException {
        PcapngFile f = new PcapngFile(out);
        Options shbOptions = new Options().text(SHB_USERAPPL, application);
        ByteBuffer shb = f.block(SHB, 16 + shbOptions.size());
        shb.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        shbOptions.writeTo(shb);
        f.finish(shb);
        Options idbOptions = new Options().text(IF_NAME, "mtcgate");
        ByteBuffer idb = f.block(IDB, 8 + idbOptions.size());
        idb.putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(0);
        idbOptions.writeTo(idb);
        f.finish(idb);
        return f;
    }

    /** One packet; {@code comment} may be null. */
    void packet(long micros, boolean received, byte[] packet, String comment) throws IOException {
        Options options = new Options().int32(EPB_FLAGS, received ? INBOUND : OUTBOUND);
        if (comment != null && !comment.isEmpty()) {
            options.text(OPT_COMMENT, comment);
        }
        int padded = pad(packet.length);
        ByteBuffer epb = block(EPB, 20 + padded + options.size());
        epb.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(packet.length).putInt(packet.length);
        epb.put(packet).position(epb.position() + padded - packet.length);
        options.writeTo(epb);
        finish(epb);
    }

    /** Octets written so far. */
    long size() {
        return written;
    }

    void flush() throws IOException {
        out.flush();
    }

    private ByteBuffer block(int type, int body) {
        int total = 12 + body;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(total);
        return b;
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.capacity());
        out.write(b.array());
        written += b.capacity();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    /** Block options, each padded to 32 bits, ended by opt_endofopt. */
    private static final class Options {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        Options text(int code, String value) {
            return raw(code, value.getBytes(StandardCharsets.UTF_8));
        }

        Options int32(int code, int value) {
            return raw(code, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }

        private Options raw(int code, byte[] value) {
            ByteBuffer b = ByteBuffer.allocate(4 + pad(value.length)).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) code).putShort((short) value.length).put(value);
            bytes.writeBytes(b.array());
            return this;
        }

        int size() {
            return bytes.size() == 0 ? 0 : bytes.size() + 4;
        }

        void writeTo(ByteBuffer b) {
            if (bytes.size() > 0) {
                b.put(bytes.toByteArray()).putShort((short) OPT_END).putShort((short) 0);
            }
        }
    }
}

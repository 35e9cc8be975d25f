package org.mtcgate.core.capture;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Wraps each captured message in a synthetic IP packet carrying one SCTP DATA chunk (RFC 9260) with the message's
 * payload protocol identifier, so that Wireshark's dissectors take it without "decode as": one chunk is one whole
 * message, whatever transport (TCP, TLS) carried it. Addresses and ports are the real ones.
 *
 * <p>Per direction of each address pair it keeps a TSN and a stream sequence number, so consecutive messages look
 * like one association; the verification tag is derived from the pair. The CRC32c checksum is correct. Not
 * thread-safe: the capture's one writer thread owns it.
 */
final class SctpFrames {
    /** Largest payload that fits one IPv4 packet with the headers below. */
    static final int MAX_PAYLOAD = 65_535 - 20 - 12 - 16 - 3;
    private static final int IP_PROTO_SCTP = 132;

    private final Map<String, int[]> counters = new HashMap<>();
    private int ipId;

    /** The packet, or null when the payload is too large for one. */
    byte[] frame(CapturedMessage m) {
        if (m.payload().length > MAX_PAYLOAD) {
            return null;
        }
        InetSocketAddress src = m.source();
        InetSocketAddress dst = m.destination();
        byte[] sctp = sctp(m, src, dst);
        return IpPackets.wrap(src, dst, IP_PROTO_SCTP, sctp, ipId++, -1);
    }

    private byte[] sctp(CapturedMessage m, InetSocketAddress src, InetSocketAddress dst) {
        String flow = src + ">" + dst;
        int[] c = counters.computeIfAbsent(flow, f -> new int[] {f.hashCode() & 0x7FFFFFFF, 0});
        int tsn = c[0]++;
        int ssn = c[1]++;
        int payload = m.payload().length;
        int chunk = 16 + payload;
        int padded = (chunk + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(12 + padded);
        b.putShort((short) src.getPort()).putShort((short) dst.getPort());
        b.putInt(verificationTag(dst, src)); // the receiver's tag
        b.putInt(0); // checksum, below
        b.put((byte) 0).put((byte) 0x03).putShort((short) chunk); // DATA, B and E: one whole message
        b.putInt(tsn).putShort((short) m.stream()).putShort((short) ssn).putInt(m.protocol().ppid());
        b.put(m.payload());
        byte[] out = b.array();
        CRC32C crc = new CRC32C();
        crc.update(out, 0, out.length);
        long v = crc.getValue();
        // RFC 9260 Appendix A: the CRC's least significant octet goes first.
        out[8] = (byte) v;
        out[9] = (byte) (v >>> 8);
        out[10] = (byte) (v >>> 16);
        out[11] = (byte) (v >>> 24);
        return out;
    }

    private static int verificationTag(InetSocketAddress receiver, InetSocketAddress sender) {
        int tag = (receiver.toString() + "<" + sender).hashCode();
        return tag == 0 ? 1 : tag;
    }
}

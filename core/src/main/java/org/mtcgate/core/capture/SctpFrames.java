package org.mtcgate.core.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
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

    /** The packet (IPv4, or IPv6 when either address is), or null when the payload is too large for one. */
    byte[] frame(CapturedMessage m) {
        if (m.payload().length > MAX_PAYLOAD) {
            return null;
        }
        InetSocketAddress src = m.source();
        InetSocketAddress dst = m.destination();
        byte[] sctp = sctp(m, src, dst);
        InetAddress s = src.getAddress();
        InetAddress d = dst.getAddress();
        if (s instanceof Inet4Address && d instanceof Inet4Address) {
            return ipv4(s.getAddress(), d.getAddress(), sctp);
        }
        return ipv6(v6(s), v6(d), sctp);
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

    private byte[] ipv4(byte[] src, byte[] dst, byte[] sctp) {
        ByteBuffer b = ByteBuffer.allocate(20 + sctp.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + sctp.length));
        b.putShort((short) ipId++).putShort((short) 0x4000); // don't fragment
        b.put((byte) 64).put((byte) IP_PROTO_SCTP).putShort((short) 0);
        b.put(src).put(dst);
        byte[] out = b.array();
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((out[i] & 0xFF) << 8) | (out[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        int checksum = ~sum & 0xFFFF;
        out[10] = (byte) (checksum >>> 8);
        out[11] = (byte) checksum;
        System.arraycopy(sctp, 0, out, 20, sctp.length);
        return out;
    }

    private static byte[] ipv6(byte[] src, byte[] dst, byte[] sctp) {
        ByteBuffer b = ByteBuffer.allocate(40 + sctp.length);
        b.putInt(0x60000000).putShort((short) sctp.length).put((byte) IP_PROTO_SCTP).put((byte) 64);
        b.put(src).put(dst).put(sctp);
        return b.array();
    }

    private static byte[] v6(InetAddress a) {
        if (a instanceof Inet6Address) {
            return a.getAddress();
        }
        byte[] v4 = a == null ? new byte[4] : a.getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, mapped, 12, 4);
        return mapped;
    }
}

package org.mtcgate.core.capture;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps octets of a TCP byte stream (after TLS) in synthetic IP/TCP segments with the real addresses and ports and
 * sequence and acknowledgement numbers that continue per direction, so that Wireshark reassembles the stream and its
 * heuristics find the protocol (SMPP, HTTP) as on the wire. Checksums are correct. Not thread-safe: the capture's one
 * writer thread owns it.
 */
final class TcpFrames {
    /** Largest segment payload written; a longer chunk becomes several segments. */
    static final int MAX_SEGMENT = 65_535 - 40 - 20;
    private static final int IP_PROTO_TCP = 6;
    private static final int CHECKSUM_AT = 16;

    private final Map<String, long[]> nextSeq = new HashMap<>();
    private int ipId;

    /** One or more packets carrying {@code m}'s payload as the next octets of its direction's stream. */
    List<byte[]> frames(CapturedMessage m) {
        InetSocketAddress src = m.source();
        InetSocketAddress dst = m.destination();
        long[] seq = sequence(src, dst);
        long[] ack = sequence(dst, src);
        List<byte[]> out = new ArrayList<>();
        byte[] payload = m.payload();
        int at = 0;
        do {
            int n = Math.min(MAX_SEGMENT, payload.length - at);
            byte[] tcp = segment(src.getPort(), dst.getPort(), seq[0], ack[0], payload, at, n);
            seq[0] = (seq[0] + n) & 0xFFFFFFFFL;
            out.add(IpPackets.wrap(src, dst, IP_PROTO_TCP, tcp, ipId++, CHECKSUM_AT));
            at += n;
        } while (at < payload.length);
        return out;
    }

    private long[] sequence(InetSocketAddress from, InetSocketAddress to) {
        return nextSeq.computeIfAbsent(from + ">" + to, f -> new long[] {f.hashCode() & 0x7FFFFFFFL});
    }

    private static byte[] segment(int srcPort, int dstPort, long seq, long ack, byte[] payload, int at, int n) {
        ByteBuffer b = ByteBuffer.allocate(20 + n);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
        b.put((byte) 0x50).put((byte) 0x18).putShort((short) 0xFFFF); // 5 words, PSH+ACK
        b.putShort((short) 0).putShort((short) 0); // checksum (IpPackets sets it), urgent pointer
        b.put(payload, at, n);
        return b.array();
    }
}

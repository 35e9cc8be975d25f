package org.mtcgate.core.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** The synthetic IPv4 (or, when either address is IPv6, IPv6) packet around a transport segment. */
final class IpPackets {
    private IpPackets() {
    }

    /**
     * @param checksumAt where the transport's Internet checksum over the pseudo-header goes (TCP: 16), or -1 when the
     *                   transport has its own (SCTP's CRC32c)
     */
    static byte[] wrap(InetSocketAddress src, InetSocketAddress dst, int protocol, byte[] segment, int id, int checksumAt) {
        InetAddress s = src.getAddress();
        InetAddress d = dst.getAddress();
        boolean v4 = s instanceof Inet4Address && d instanceof Inet4Address;
        byte[] sa = v4 ? s.getAddress() : v6(s);
        byte[] da = v4 ? d.getAddress() : v6(d);
        if (checksumAt >= 0) {
            ByteBuffer pseudo = ByteBuffer.allocate(2 * sa.length + 8);
            pseudo.put(sa).put(da);
            if (v4) {
                pseudo.put((byte) 0).put((byte) protocol).putShort((short) segment.length);
            } else {
                pseudo.putInt(segment.length).put(new byte[3]).put((byte) protocol);
            }
            int sum = ones(pseudo.array(), pseudo.position(), ones(segment, segment.length, 0));
            int checksum = ~fold(sum) & 0xFFFF;
            segment[checksumAt] = (byte) (checksum >>> 8);
            segment[checksumAt + 1] = (byte) checksum;
        }
        if (!v4) {
            ByteBuffer b = ByteBuffer.allocate(40 + segment.length);
            b.putInt(0x60000000).putShort((short) segment.length).put((byte) protocol).put((byte) 64);
            return b.put(sa).put(da).put(segment).array();
        }
        ByteBuffer b = ByteBuffer.allocate(20 + segment.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length));
        b.putShort((short) id).putShort((short) 0x4000); // don't fragment
        b.put((byte) 64).put((byte) protocol).putShort((short) 0);
        b.put(sa).put(da);
        byte[] out = b.array();
        int checksum = ~fold(ones(out, 20, 0)) & 0xFFFF;
        out[10] = (byte) (checksum >>> 8);
        out[11] = (byte) checksum;
        System.arraycopy(segment, 0, out, 20, segment.length);
        return out;
    }

    /** The 16-bit ones' complement sum of {@code length} octets, added to {@code sum}. */
    private static int ones(byte[] b, int length, int sum) {
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            sum = fold(sum);
        }
        if ((length & 1) != 0) {
            sum = fold(sum + ((b[length - 1] & 0xFF) << 8));
        }
        return sum;
    }

    private static int fold(int sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
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

package org.mtcgate.diameter.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Byte translations of the RFC 6733 4.2/4.3 basic and derived AVP data formats. */
public final class AvpData {
    /** Seconds between the NTP epoch (1900, used by the Time format) and the Unix epoch. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;
    /** IANA address family numbers used by the Address format (RFC 6733 4.3.1). */
    public static final int FAMILY_IPV4 = 1;
    public static final int FAMILY_IPV6 = 2;

    private AvpData() {
    }

    public static byte[] ofUnsigned32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    public static byte[] ofInteger64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    public static long unsigned32(byte[] d) {
        requireLength(d, 4);
        return ByteBuffer.wrap(d).getInt() & 0xFFFFFFFFL;
    }

    public static int integer32(byte[] d) {
        requireLength(d, 4);
        return ByteBuffer.wrap(d).getInt();
    }

    public static long integer64(byte[] d) {
        requireLength(d, 8);
        return ByteBuffer.wrap(d).getLong();
    }

    /** Strict UTF-8 decoding: malformed input is an invalid AVP value (5004), not a replacement char. */
    public static String utf8(byte[] d) {
        if (isAscii(d)) {
            // Diameter identities and most text AVPs: ASCII is valid UTF-8, no decoder needed.
            return new String(d, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    private static boolean isAscii(byte[] d) {
        for (byte b : d) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    public static byte[] ofAddress(InetAddress a) {
        byte[] raw = a.getAddress();
        int family = raw.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6;
        return ByteBuffer.allocate(2 + raw.length).putShort((short) family).put(raw).array();
    }

    public static InetAddress address(byte[] d) {
        if (d.length < 2) {
            throw new IllegalArgumentException("Address shorter than its family field");
        }
        int family = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
        int expected = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (expected < 0 || d.length != 2 + expected) {
            throw new IllegalArgumentException("unsupported Address family " + family + " or length " + d.length);
        }
        byte[] raw = new byte[expected];
        System.arraycopy(d, 2, raw, 0, expected);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static byte[] ofTime(Instant t) {
        return ofUnsigned32(t.getEpochSecond() + NTP_TO_UNIX_SECONDS);
    }

    public static Instant time(byte[] d) {
        return Instant.ofEpochSecond(unsigned32(d) - NTP_TO_UNIX_SECONDS);
    }

    public static byte[] ofGrouped(List<Avp> children) {
        int total = 0;
        for (Avp a : children) {
            total += a.encodedLength();
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (Avp a : children) {
            AvpWriter.write(a, buf);
        }
        return buf.array();
    }

    private static void requireLength(byte[] d, int n) {
        if (d.length != n) {
            throw new IllegalArgumentException("expected " + n + " octets, got " + d.length);
        }
    }
}

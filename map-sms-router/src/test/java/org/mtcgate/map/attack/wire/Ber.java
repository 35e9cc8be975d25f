package org.mtcgate.map.attack.wire;

import java.io.ByteArrayOutputStream;

/**
 * BER TLVs for test messages, canonical or not: the length may be written in the shortest form (as DER would),
 * in a longer form than needed, or as indefinite (constructed only), which the receiver must take all the same
 * or refuse precisely.
 */
public final class Ber {
    /** How a length is written. */
    public enum Length {
        MINIMAL, LONG_FORM, INDEFINITE
    }

    private Ber() {
    }

    public static byte[] tlv(int tag, byte[]... contents) {
        return tlv(Length.MINIMAL, tag, contents);
    }

    public static byte[] tlv(Length form, int tag, byte[]... contents) {
        byte[] value = cat(contents);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        switch (form) {
            case MINIMAL -> writeMinimal(out, value.length);
            case LONG_FORM -> {
                out.write(0x82);
                out.write(value.length >> 8);
                out.write(value.length);
            }
            case INDEFINITE -> out.write(0x80);
        }
        out.writeBytes(value);
        if (form == Length.INDEFINITE) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void writeMinimal(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
    }

    public static byte[] integer(int tag, long value) {
        if (value >= -128 && value < 128) {
            return tlv(tag, new byte[] {(byte) value});
        }
        if (value >= -32768 && value < 32768) {
            return tlv(tag, new byte[] {(byte) (value >> 8), (byte) value});
        }
        return tlv(tag, new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
    }

    public static byte[] oid(long... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, arcs[i]);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        for (long v = arc >> 7; v > 0; v >>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((arc >> (7 * g)) & 0x7F);
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    public static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            if (p != null) {
                out.writeBytes(p);
            }
        }
        return out.toByteArray();
    }

    /** TBCD digits (TS 29.002 17.7.8), filler F. */
    public static byte[] tbcd(String digits) {
        byte[] out = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out[i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        if (digits.length() % 2 == 1) {
            out[out.length - 1] |= (byte) 0xF0;
        }
        return out;
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}

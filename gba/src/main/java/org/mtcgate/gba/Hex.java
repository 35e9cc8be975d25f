package org.mtcgate.gba;

import java.util.HexFormat;

/** Hexadecimal text for octet strings (test vectors, the subscriber file). */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** Decodes an even number of hex digits, either case; anything else is refused. */
    public static byte[] decode(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an even number of hex digits");
        }
    }

    public static String encode(byte[] octets) {
        return HEX.formatHex(octets);
    }
}

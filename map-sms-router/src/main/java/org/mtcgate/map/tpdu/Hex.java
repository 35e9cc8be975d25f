package org.mtcgate.map.tpdu;

import java.util.HexFormat;

/** Hex text of octets, for logs, tests and toString. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] octets) {
        return FORMAT.formatHex(octets);
    }

    /** Octets of a hex string; spaces are ignored so tests can group octets by field. */
    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}

package org.mtcgate.gba;

/** RAND, the 128-bit random challenge of AKA (TS 33.102 6.3.2). */
public final class Rand extends OctetValue {
    public static final int LENGTH = 16;

    public Rand(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Rand");
    }

    public static Rand ofHex(String hex) {
        return new Rand(Hex.decode(hex));
    }
}

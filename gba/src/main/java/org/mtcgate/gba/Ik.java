package org.mtcgate.gba;

/** IK, the integrity key of AKA (f4, TS 33.102 6.3.2). A secret: its text form never shows the octets. */
public final class Ik extends OctetValue {
    public static final int LENGTH = 16;

    public Ik(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Ik");
    }

    public static Ik ofHex(String hex) {
        return new Ik(Hex.decode(hex));
    }

    @Override
    public String toString() {
        return "Ik[secret]";
    }
}

package org.mtcgate.gba;

/** CK, the cipher key of AKA (f3, TS 33.102 6.3.2). A secret: its text form never shows the octets. */
public final class Ck extends OctetValue {
    public static final int LENGTH = 16;

    public Ck(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Ck");
    }

    public static Ck ofHex(String hex) {
        return new Ck(Hex.decode(hex));
    }

    @Override
    public String toString() {
        return "Ck[secret]";
    }
}

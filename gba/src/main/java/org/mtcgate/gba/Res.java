package org.mtcgate.gba;

/** RES or XRES, 4 to 16 octets (TS 33.102 6.3.2; Milenage gives 8). */
public final class Res extends OctetValue {
    public static final int MAX_LENGTH = 16;

    public Res(byte[] octets) {
        super(octets, 4, MAX_LENGTH, "Res");
    }

    public static Res ofHex(String hex) {
        return new Res(Hex.decode(hex));
    }
}

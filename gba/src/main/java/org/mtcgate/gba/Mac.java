package org.mtcgate.gba;

/** MAC-A or MAC-S, 64 bits (f1 and f1* of TS 33.102 6.3). */
public final class Mac extends OctetValue {
    public static final int LENGTH = 8;

    public Mac(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Mac");
    }

    public static Mac ofHex(String hex) {
        return new Mac(Hex.decode(hex));
    }
}

package org.mtcgate.gba;

/** OPc, the operator variant algorithm configuration field as derived for one subscriber (TS 35.206 4.1). A secret: its text form never shows the octets. */
public final class OpC extends OctetValue {
    public static final int LENGTH = 16;

    public OpC(byte[] octets) {
        super(octets, LENGTH, LENGTH, "OpC");
    }

    public static OpC ofHex(String hex) {
        return new OpC(Hex.decode(hex));
    }

    @Override
    public String toString() {
        return "OpC[secret]";
    }
}

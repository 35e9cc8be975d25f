package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.OctetValue;

/** Ks = CK || IK, the key bootstrapped between UE and BSF (TS 33.220 4.5.2). A secret. */
public final class Ks extends OctetValue {
    public static final int LENGTH = 32;

    public Ks(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Ks");
    }

    public static Ks of(Ck ck, Ik ik) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(ck.octets(), 0, out, 0, Ck.LENGTH);
        System.arraycopy(ik.octets(), 0, out, Ck.LENGTH, Ik.LENGTH);
        return new Ks(out);
    }

    public static Ks ofHex(String hex) {
        return new Ks(Hex.decode(hex));
    }

    @Override
    public String toString() {
        return "Ks[secret]";
    }
}

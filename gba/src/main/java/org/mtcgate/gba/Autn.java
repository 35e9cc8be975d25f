package org.mtcgate.gba;

import java.util.Arrays;

/** AUTN = SQN xor AK || AMF || MAC-A, the network's authentication token (TS 33.102 6.3.2). */
public final class Autn extends OctetValue {
    public static final int LENGTH = 16;

    public Autn(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Autn");
    }

    /** Builds AUTN from its parts: SQN xor AK (6 octets), AMF, MAC-A. */
    public static Autn of(byte[] concealedSqn, Amf amf, Mac macA) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(concealedSqn, 0, out, 0, Sqn.LENGTH);
        System.arraycopy(amf.raw(), 0, out, Sqn.LENGTH, Amf.LENGTH);
        System.arraycopy(macA.raw(), 0, out, Sqn.LENGTH + Amf.LENGTH, Mac.LENGTH);
        return new Autn(out);
    }

    /** SQN xor AK, the first six octets. */
    public byte[] concealedSqn() {
        return Arrays.copyOfRange(raw(), 0, Sqn.LENGTH);
    }

    public Amf amf() {
        return new Amf(Arrays.copyOfRange(raw(), Sqn.LENGTH, Sqn.LENGTH + Amf.LENGTH));
    }

    public Mac macA() {
        return new Mac(Arrays.copyOfRange(raw(), Sqn.LENGTH + Amf.LENGTH, LENGTH));
    }

    public static Autn ofHex(String hex) {
        return new Autn(Hex.decode(hex));
    }
}

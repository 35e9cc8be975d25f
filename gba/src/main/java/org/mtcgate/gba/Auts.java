package org.mtcgate.gba;

import java.util.Arrays;

/** AUTS = SQN_MS xor AK* || MAC-S, the USIM's re-synchronisation token (TS 33.102 6.3.3). */
public final class Auts extends OctetValue {
    public static final int LENGTH = 14;

    public Auts(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Auts");
    }

    /** Builds AUTS from SQN_MS xor AK* (6 octets) and MAC-S. */
    public static Auts of(byte[] concealedSqn, Mac macS) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(concealedSqn, 0, out, 0, Sqn.LENGTH);
        System.arraycopy(macS.raw(), 0, out, Sqn.LENGTH, Mac.LENGTH);
        return new Auts(out);
    }

    /** SQN_MS xor AK*, the first six octets. */
    public byte[] concealedSqn() {
        return Arrays.copyOfRange(raw(), 0, Sqn.LENGTH);
    }

    public Mac macS() {
        return new Mac(Arrays.copyOfRange(raw(), Sqn.LENGTH, LENGTH));
    }

    public static Auts ofHex(String hex) {
        return new Auts(Hex.decode(hex));
    }
}

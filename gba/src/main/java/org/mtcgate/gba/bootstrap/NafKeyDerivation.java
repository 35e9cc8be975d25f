package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;

import java.nio.charset.StandardCharsets;

/**
 * NAF-specific keys (TS 33.220 B.3, gba-facts 4.1 VERIFIED): FC = 0x01, P1 = RAND, P2 = IMPI (UTF-8),
 * P3 = NAF_Id; P0 = "gba-me" for Ks_NAF (GBA_ME) and Ks_ext_NAF (GBA_U), "gba-u" for Ks_int_NAF; key = Ks.
 */
public final class NafKeyDerivation {
    /** FC of NAF key derivation. */
    public static final int FC_NAF = 0x01;
    private static final byte[] GBA_ME = "gba-me".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GBA_U = "gba-u".getBytes(StandardCharsets.US_ASCII);

    private NafKeyDerivation() {
    }

    /** Ks_NAF of GBA_ME; with GBA_U the same computation gives Ks_ext_NAF. */
    public static NafKey ksNaf(Ks ks, Rand rand, Impi impi, NafId naf) {
        return derive(GBA_ME, ks, rand, impi, naf);
    }

    /** Ks_ext_NAF of GBA_U (derived as Ks_NAF is, TS 33.220 B.3). */
    public static NafKey ksExtNaf(Ks ks, Rand rand, Impi impi, NafId naf) {
        return derive(GBA_ME, ks, rand, impi, naf);
    }

    /** Ks_int_NAF of GBA_U, which stays on the UICC. */
    public static NafKey ksIntNaf(Ks ks, Rand rand, Impi impi, NafId naf) {
        return derive(GBA_U, ks, rand, impi, naf);
    }

    private static NafKey derive(byte[] p0, Ks ks, Rand rand, Impi impi, NafId naf) {
        return new NafKey(Kdf.derive(ks.octets(), FC_NAF, p0, rand.octets(),
                impi.value().getBytes(StandardCharsets.UTF_8), naf.encoded()));
    }
}

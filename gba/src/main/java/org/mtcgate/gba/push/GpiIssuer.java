package org.mtcgate.gba.push;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.aka.AuthenticationVector;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKeyDerivation;

import java.time.Instant;

/**
 * The BSF's step of GBA Push once it has a vector (TS 33.223; gba-facts 1.2 steps 5-7): Ks = CK || IK of the vector,
 * Ks_NAF for the Push-NAF's NAF_Id, and the GPI that lets the UE derive the same. GBA_ME only: GBA_U needs AUTN*,
 * whose rule is UNVERIFIED (gba/PROFILE.md). Stateless.
 */
public final class GpiIssuer {
    private final GpiCodec codec;

    public GpiIssuer(GpiCodec codec) {
        this.codec = codec;
    }

    /** The GPI for the UE and the NAF SA for the Push-NAF; its text form leaves the key out. */
    public record Issued(byte[] gpi, NafSa sa) {
        @Override
        public String toString() {
            return "Issued[" + sa + "]";
        }
    }

    /** @throws IllegalArgumentException for GBA_U, which this BSF does not run */
    public Issued issue(AuthenticationVector vector, Impi impi, NafId naf, Ptid ptid, GbaMode mode, byte[] appLabel,
                        Instant keyExpiry) {
        if (mode != GbaMode.GBA_ME) {
            throw new IllegalArgumentException("this BSF runs GBA_ME only (GBA_U needs AUTN*, not built)");
        }
        Ks ks = Ks.of(vector.ck(), vector.ik());
        byte[] gpi = codec.encode(new Gpi(vector.rand(), vector.autn(), naf, appLabel, mode, keyExpiry, ptid), ks);
        return new Issued(gpi, new NafSa(ptid, vector.rand(), naf, impi, NafKeyDerivation.ksNaf(ks, vector.rand(), impi, naf),
                mode, keyExpiry));
    }

    public GpiCodec codec() {
        return codec;
    }
}

package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.aka.AuthenticationVector;

import java.time.Duration;
import java.time.Instant;

/**
 * What a BSF keeps of one bootstrapping run (TS 33.220 4.5.2): B-TID, RAND, IMPI, Ks and the key lifetime. The
 * NAF keys derived from it expire with it. Its text form leaves Ks out.
 */
public record BootstrapContext(Btid btid, Rand rand, Impi impi, Ks ks, Instant createdAt, Instant expiresAt) {
    public BootstrapContext {
        if (btid == null || rand == null || impi == null || ks == null || createdAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a bootstrap context has all its parts");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("the key lifetime must be positive");
        }
    }

    /** The context of a vector: Ks = CK || IK, B-TID from its RAND, expiring {@code lifetime} after {@code now}. */
    public static BootstrapContext of(AuthenticationVector vector, Impi impi, String bsfServerName, Instant now,
                                      Duration lifetime) {
        return new BootstrapContext(Btid.of(vector.rand(), bsfServerName), vector.rand(), impi,
                Ks.of(vector.ck(), vector.ik()), now, now.plus(lifetime));
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Ks_NAF (GBA_ME) / Ks_ext_NAF (GBA_U) for a NAF. */
    public NafKey nafKey(NafId naf) {
        return NafKeyDerivation.ksNaf(ks, rand, impi, naf);
    }
}

package org.mtcgate.gba.push;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A NAF SA of GBA Push (TS 33.223; gba-facts 1.4, 4.3), the same in the Push-NAF and the UE: P-TID (the NAF's name
 * for it, which the UE uses uplink), RAND (RAND@naf is the UE's name for it, which the NAF uses downlink), the
 * NAF_Id, the IMPI when known, Ks_(ext)_NAF, GBA_ME or GBA_U and the key expiry. Its text form leaves the key out.
 */
public record NafSa(Ptid ptid, Rand rand, NafId nafId, Impi impi, NafKey key, GbaMode mode, Instant keyExpiry) {
    public NafSa {
        if (ptid == null || rand == null || nafId == null || key == null || mode == null || keyExpiry == null) {
            throw new IllegalArgumentException("a NAF SA has P-TID, RAND, NAF_Id, key, mode and expiry (IMPI may be unknown)");
        }
    }

    /** RAND@naf: base64(RAND) "@" the NAF's FQDN, by analogy with the B-TID (gba-facts 4.3: INFERRED). */
    public String randAtNaf() {
        return Base64.getEncoder().encodeToString(rand.octets()) + "@" + nafId.fqdn();
    }

    /** The SA identifier a GPL message carries in a direction: RAND@naf downlink, P-TID uplink (gba-facts 1.4). */
    public byte[] identifier(GplDirection direction) {
        return direction == GplDirection.DOWNLINK ? randAtNaf().getBytes(StandardCharsets.UTF_8) : ptid.octets();
    }

    public boolean validAt(Instant now) {
        return now.isBefore(keyExpiry);
    }

    @Override
    public String toString() {
        return "NafSa[" + ptid + ", " + randAtNaf() + ", expires " + keyExpiry + "]";
    }
}

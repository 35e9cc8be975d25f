package org.mtcgate.gba.push;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.NafId;

import java.time.Instant;
import java.util.Arrays;

/**
 * What a GPI (GBA Push Info, TS 33.223) tells the UE, in the clear as the BSF builds it and the UE reads it once
 * opened: the AKA challenge (RAND, AUTN), the NAF_Id, the UICC application label (empty: the default USIM), GBA_ME
 * or GBA_U, when the NAF key expires, and the Push-NAF's P-TID. The encoding is a {@link GpiCodec}'s.
 */
public record Gpi(Rand rand, Autn autn, NafId nafId, byte[] appLabel, GbaMode mode, Instant keyExpiry, Ptid ptid) {
    public static final int MAX_APP_LABEL = 255;

    public Gpi {
        if (rand == null || autn == null || nafId == null || appLabel == null || mode == null || keyExpiry == null
                || ptid == null) {
            throw new IllegalArgumentException("a GPI has all its parts (an empty application label for the default)");
        }
        if (appLabel.length > MAX_APP_LABEL) {
            throw new IllegalArgumentException("a UICC application label is at most " + MAX_APP_LABEL + " octets");
        }
        appLabel = appLabel.clone();
    }

    @Override
    public byte[] appLabel() {
        return appLabel.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gpi g && rand.equals(g.rand) && autn.equals(g.autn) && nafId.equals(g.nafId)
                && Arrays.equals(appLabel, g.appLabel) && mode == g.mode && keyExpiry.equals(g.keyExpiry)
                && ptid.equals(g.ptid);
    }

    @Override
    public int hashCode() {
        return rand.hashCode() * 31 + nafId.hashCode();
    }
}

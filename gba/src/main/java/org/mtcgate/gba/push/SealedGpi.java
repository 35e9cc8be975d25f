package org.mtcgate.gba.push;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.NafId;

import java.time.Instant;

/**
 * A GPI as read before any key is known: what the UE needs to run the USIM and judge the NAF (RAND, AUTN,
 * NAF_Id, mode, key expiry) and the octets to open later with Ks. Nothing here is authenticated until
 * {@link GpiCodec#open} has checked the MAC (AUTN, though, is checked by the USIM).
 */
public record SealedGpi(Rand rand, Autn autn, NafId nafId, GbaMode mode, Instant keyExpiry, byte[] octets) {
    public SealedGpi {
        octets = octets.clone();
    }

    @Override
    public byte[] octets() {
        return octets.clone();
    }
}

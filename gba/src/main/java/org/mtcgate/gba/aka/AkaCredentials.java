package org.mtcgate.gba.aka;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;

/** What the AuC holds for one subscriber: its IMPI, K and OPc. Never logged (K and OPc print as "secret"). */
public record AkaCredentials(Impi impi, SubscriberKey k, OpC opc) {
    public AkaCredentials {
        if (impi == null || k == null || opc == null) {
            throw new IllegalArgumentException("IMPI, K and OPc are all required");
        }
    }
}

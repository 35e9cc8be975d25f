package org.mtcgate.core.role;

import org.mtcgate.filter.Imsi;

import java.time.Instant;

/** One console line per held trigger or SM, with the IMSI masked unless the audit config reveals IMSIs. */
final class TriggerLines {
    private TriggerLines() {
    }

    static String line(String role, Object held, Imsi imsi, Instant acceptedAt, Instant expiresAt, boolean revealImsi) {
        return String.format("%-8s %s, IMSI %s, accepted %s, expires %s", role, held,
                revealImsi ? imsi.digits() : imsi.masked(), acceptedAt, expiresAt);
    }
}

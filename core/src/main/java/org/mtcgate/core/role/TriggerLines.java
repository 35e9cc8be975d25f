package org.mtcgate.core.role;

import org.mtcgate.filter.Imsi;

import java.time.Instant;

/** One console line per held trigger or SM, with the IMSI masked unless the audit config reveals IMSIs. */
final class TriggerLines {
    private TriggerLines() {
    }

    /**
     * A held SM with its delivery attempts: how many failed, the last error, and when the next starts (relative to
     * {@code now}), or that one is in flight or waits for room in the delivery window.
     */
    static String held(org.mtcgate.filter.smsc.StoreAndForward.PendingSm p, Instant now, boolean revealImsi) {
        String next = p.inFlight() ? "attempt in flight"
                : p.waitingForWindow() ? "waiting for the delivery window"
                : p.nextAttempt() == null ? "next attempt now"
                : "next retry " + p.nextAttempt() + " (in " + Math.max(0, java.time.Duration.between(now, p.nextAttempt()).toSeconds()) + " s)";
        return line("SMS-SC", p.sm(), p.sm().recipient().imsi(), p.sm().acceptedAt(), p.sm().expiresAt(), revealImsi)
                + String.format(", attempts failed %d, last error %s, %s", p.failedAttempts(),
                p.lastError() == null ? "none" : p.lastError(), next);
    }

    static String line(String role, Object held, Imsi imsi, Instant acceptedAt, Instant expiresAt, boolean revealImsi) {
        return String.format("%-8s %s, IMSI %s, accepted %s, expires %s", role, held,
                revealImsi ? imsi.digits() : imsi.masked(), acceptedAt, expiresAt);
    }
}

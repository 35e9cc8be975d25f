package org.mtcgate.core.role;

import org.mtcgate.filter.trigger.DeviceTrigger;

/** One console line per held trigger, with the IMSI masked unless the audit config reveals IMSIs. */
final class TriggerLines {
    private TriggerLines() {
    }

    static String line(String role, DeviceTrigger t, boolean revealImsi) {
        return String.format("%-8s %s, IMSI %s, accepted %s, expires %s", role, t,
                revealImsi ? t.subscriber().imsi().digits() : t.subscriber().imsi().masked(), t.acceptedAt(), t.expiresAt());
    }
}

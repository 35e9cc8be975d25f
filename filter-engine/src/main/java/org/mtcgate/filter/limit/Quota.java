package org.mtcgate.filter.limit;

import java.time.Duration;

/**
 * At most {@code max} items per calendar-aligned period (a day starts at 00:00 UTC).
 *
 * @param max    items allowed in one period, at least 1
 * @param period the period, from one second to 366 days
 */
public record Quota(long max, Duration period) {
    public Quota {
        if (max < 1 || max > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("quota must be from 1 to " + 0xFFFF_FFFFL);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("quota period must be from 1 s to 366 d");
        }
    }

    /** The quota as written in policies, such as "100000 per 1d". */
    @Override
    public String toString() {
        long s = period.getSeconds();
        String p = s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        return max + " per " + p;
    }
}

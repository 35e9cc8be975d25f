package org.mtcgate.filter.smsc;

import java.time.Duration;

/**
 * When to try an undelivered SM again: after {@code first}, then doubling up to {@code max}, until its
 * Validity-Time ends. (A real network also retries on the HLR's alert when the UE returns; this node has no
 * alert service yet, so it polls.)
 */
public record RetryPolicy(Duration first, Duration max) {
    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry needs 0 < first <= max");
        }
    }

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5));

    /** The wait before attempt number {@code failures + 1}. */
    public Duration after(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}

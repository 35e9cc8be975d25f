package org.mtcgate.diameter.peer;

import java.util.function.LongSupplier;

/**
 * Decides which failed connection attempts to a peer are worth an INFO line: the first one, then one every
 * {@code interval} with the count, so a peer that stays down for hours costs a few lines instead of one per retry.
 * The attempts in between are for DEBUG. Not thread-safe: one connector's attempts complete one after the other.
 */
final class ConnectFailures {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long failures;
    private long sinceReport;
    private long reportedAt;

    ConnectFailures(long intervalNanos, LongSupplier nanoTime) {
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    /** Counts a failure; returns how many failed since the last report when this one is to be reported, else 0. */
    long failed() {
        failures++;
        sinceReport++;
        long now = nanoTime.getAsLong();
        if (failures == 1 || now - reportedAt >= intervalNanos) {
            reportedAt = now;
            long n = sinceReport;
            sinceReport = 0;
            return n;
        }
        return 0;
    }

    /** Failures since the last success. */
    long total() {
        return failures;
    }

    void succeeded() {
        failures = 0;
        sinceReport = 0;
    }
}

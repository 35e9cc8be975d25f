package org.mtcgate.diameter.peer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A peer that stays unreachable costs one line at first, then one a minute with the count, not one per retry. */
class ConnectFailuresTest {
    @Test
    void firstFailureThenOneReportPerIntervalWithTheCount() {
        AtomicLong now = new AtomicLong(1_000);
        ConnectFailures failures = new ConnectFailures(TimeUnit.MINUTES.toNanos(1), now::get);
        assertEquals(1, failures.failed(), "the first is reported");
        for (int i = 0; i < 9; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(5));
            assertEquals(0, failures.failed(), "retries within the minute are not");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(15));
        assertEquals(10, failures.failed(), "a minute on: the ten since the last report");
        assertEquals(11, failures.total());

        failures.succeeded();
        assertEquals(0, failures.total());
        assertEquals(1, failures.failed(), "after a success the next failure is a first one again");
    }
}

package org.mtcgate.filter.limit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    @Test
    void burstThenSustainedRate() {
        long now = 0;
        TokenBucket b = new TokenBucket(new RateLimit(10, 5), now);
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryAcquire(now), "burst " + i);
        }
        assertFalse(b.tryAcquire(now));
        now += 100_000_000L; // one emission interval at 10/s
        assertTrue(b.tryAcquire(now));
        assertFalse(b.tryAcquire(now));
        now += 10_000_000_000L; // a long quiet spell refills only up to the burst
        int passed = 0;
        while (b.tryAcquire(now)) {
            passed++;
        }
        assertEquals(5, passed);
    }

    @Test
    void concurrentTakersNeverExceedTheBurst() throws Exception {
        TokenBucket b = new TokenBucket(new RateLimit(1, 1000), 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Integer>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                parts.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 10_000; i++) {
                        if (b.tryAcquire(0)) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : parts) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(1000, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quotaWindowsAreCalendarAligned() {
        PeriodCounter c = new PeriodCounter(new Quota(2, Duration.ofHours(1)));
        long hour = 3_600_000L;
        long t = 1000 * hour + hour - 1; // the last millisecond of an hour
        assertTrue(c.tryAcquire(t));
        assertTrue(c.tryAcquire(t));
        assertFalse(c.tryAcquire(t));
        assertEquals(2, c.used(t));
        assertTrue(c.tryAcquire(t + 1), "a new hour starts a new window");
        assertEquals(1, c.used(t + 1));
    }
}

package org.mtcgate.filter.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket kept as one number, the theoretical arrival time of the next item (the GCRA form of the
 * bucket, ITU-T I.371): an item conforms when it is no earlier than that time less the burst tolerance.
 * One compare-and-set per item, no lock, no allocation, so evaluation threads never wait on each other.
 */
public final class TokenBucket implements RateLimiter {
    private final RateLimit limit;
    private final long emissionIntervalNanos;
    private final long toleranceNanos;
    private final AtomicLong theoreticalArrival;

    public TokenBucket(RateLimit limit, long nowNanos) {
        this.limit = limit;
        this.emissionIntervalNanos = Math.max(1L, Math.round(1_000_000_000d / limit.perSecond()));
        this.toleranceNanos = emissionIntervalNanos * (limit.burst() - 1L);
        this.theoreticalArrival = new AtomicLong(nowNanos);
    }

    @Override
    public RateLimit limit() {
        return limit;
    }

    /** Takes one token if there is one. */
    @Override
    public boolean tryAcquire(long nowNanos) {
        while (true) {
            long tat = theoreticalArrival.get();
            long start = tat - nowNanos < 0 ? nowNanos : tat;
            if (start - nowNanos > toleranceNanos) {
                return false;
            }
            if (theoreticalArrival.compareAndSet(tat, start + emissionIntervalNanos)) {
                return true;
            }
        }
    }

    /** Whether a token is there now, without taking it (for explanations). */
    @Override
    public boolean wouldAcquire(long nowNanos) {
        long tat = theoreticalArrival.get();
        long start = tat - nowNanos < 0 ? nowNanos : tat;
        return start - nowNanos <= toleranceNanos;
    }
}

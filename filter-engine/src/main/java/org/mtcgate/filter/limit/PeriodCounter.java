package org.mtcgate.filter.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts items against a {@link Quota} in fixed, calendar-aligned windows. The window number (low 32 bits)
 * and the count (high 32 bits) share one long, so a new window and its first count are set together.
 */
public final class PeriodCounter implements QuotaCounter {
    private final Quota quota;
    private final long periodMillis;
    private final AtomicLong state = new AtomicLong();

    public PeriodCounter(Quota quota) {
        this.quota = quota;
        this.periodMillis = quota.period().toMillis();
    }

    @Override
    public Quota quota() {
        return quota;
    }

    /** Counts one item if the quota for the current window allows it. */
    @Override
    public boolean tryAcquire(long nowMillis) {
        long window = (nowMillis / periodMillis) & 0xFFFF_FFFFL;
        while (true) {
            long s = state.get();
            long count = (s & 0xFFFF_FFFFL) == window ? s >>> 32 : 0;
            if (count >= quota.max()) {
                return false;
            }
            if (state.compareAndSet(s, ((count + 1) << 32) | window)) {
                return true;
            }
        }
    }

    /** How many items the current window has used. */
    @Override
    public long used(long nowMillis) {
        long window = (nowMillis / periodMillis) & 0xFFFF_FFFFL;
        long s = state.get();
        return (s & 0xFFFF_FFFFL) == window ? s >>> 32 : 0;
    }
}

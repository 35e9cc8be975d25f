package org.mtcgate.bsf;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One token bucket per key (GCRA form: each bucket is the theoretical arrival time of its next token), at most
 * {@code maxKeys} of them. A bucket that has refilled completely is the same as none, so it is dropped when room
 * is needed; if the table is still full, a new key is refused rather than an old one forgotten, since forgetting
 * would hand a flooder a fresh burst. Refusals come in episodes: the first refusal after a conforming take is
 * marked, so that a flood is audited once, not once per request.
 */
final class KeyedBuckets<K> {
    /** What a take came to. */
    sealed interface Take permits Taken, Limited, Full {
    }

    record Taken() implements Take {
    }

    /** The key's bucket is empty; {@code first}: the first refusal of this episode. */
    record Limited(Duration retryAfter, boolean first) implements Take {
    }

    /** The table is full of keys still limited; {@code first}: the first such refusal since a take succeeded. */
    record Full(Duration retryAfter, boolean first) implements Take {
    }

    private static final Taken TAKEN = new Taken();
    /** A full table is swept at most this often on demand, so that a flood of new keys costs no scan each. */
    private static final long SWEEP_GAP_NANOS = 1_000_000_000L;

    private static final class Bucket {
        long theoreticalArrival;
        boolean limited;

        Bucket(long now) {
            theoreticalArrival = now;
        }
    }

    private final int maxKeys;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final Map<K, Bucket> buckets = new HashMap<>();
    private long lastSweep = Long.MIN_VALUE;
    private boolean full;

    KeyedBuckets(FloodLimits.Rate rate, int maxKeys) {
        this.maxKeys = maxKeys;
        this.intervalNanos = Math.max(1L, Math.round(1e9 / rate.perSecond()));
        this.toleranceNanos = intervalNanos * (rate.burst() - 1L);
    }

    synchronized Take take(K key, Instant now) {
        long t = nanos(now);
        Bucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= maxKeys && (lastSweep == Long.MIN_VALUE || t - lastSweep >= SWEEP_GAP_NANOS)) {
                lastSweep = t;
                sweepAt(t);
            }
            if (buckets.size() >= maxKeys) {
                boolean first = !full;
                full = true;
                return new Full(Duration.ofNanos(Math.min(intervalNanos, 60_000_000_000L)), first);
            }
            b = new Bucket(t);
            buckets.put(key, b);
        }
        long start = Math.max(b.theoreticalArrival, t);
        if (start - t > toleranceNanos) {
            boolean first = !b.limited;
            b.limited = true;
            return new Limited(Duration.ofNanos(start - toleranceNanos - t), first);
        }
        b.theoreticalArrival = start + intervalNanos;
        b.limited = false;
        full = false;
        return TAKEN;
    }

    /** Drops the buckets that have refilled completely by {@code now}. */
    synchronized void sweep(Instant now) {
        sweepAt(nanos(now));
    }

    private void sweepAt(long t) {
        buckets.values().removeIf(b -> b.theoreticalArrival <= t);
    }

    synchronized int size() {
        return buckets.size();
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}

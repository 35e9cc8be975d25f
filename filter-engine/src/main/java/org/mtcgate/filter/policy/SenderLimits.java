package org.mtcgate.filter.policy;

import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.limit.QuotaCounter;
import org.mtcgate.filter.limit.RateLimiter;

import java.util.List;

/**
 * The rate and quota state of one policy's senders, by sender slot. A compiled policy has none ({@link #UNBOUND}):
 * it can be checked and explained, and counts nothing until {@link PolicyInstaller} binds the state of the
 * accepted policy from the limiter registry.
 */
final class SenderLimits {
    static final SenderLimits UNBOUND = new SenderLimits(null, null);

    private final RateLimiter[] buckets;
    private final QuotaCounter[] counters;

    private SenderLimits(RateLimiter[] buckets, QuotaCounter[] counters) {
        this.buckets = buckets;
        this.counters = counters;
    }

    /** Takes each limited sender's state from the registry, which keeps it when the sender's limit is unchanged. */
    static SenderLimits bind(List<SenderRule> senders, LimiterStore registry, long nowNanos) {
        RateLimiter[] buckets = new RateLimiter[senders.size()];
        QuotaCounter[] counters = new QuotaCounter[senders.size()];
        for (SenderRule s : senders) {
            if (s.rate() != null) {
                buckets[s.slot()] = registry.bucket(s.id(), s.rate(), nowNanos);
            }
            if (s.quota() != null) {
                counters[s.slot()] = registry.counter(s.id(), s.quota());
            }
        }
        return new SenderLimits(buckets, counters);
    }

    boolean bound() {
        return buckets != null;
    }

    /** The sender's bucket; null when it has no rate or the state is not bound. */
    RateLimiter bucket(int slot) {
        return buckets == null ? null : buckets[slot];
    }

    /** The sender's counter; null when it has no quota or the state is not bound. */
    QuotaCounter counter(int slot) {
        return counters == null ? null : counters[slot];
    }
}

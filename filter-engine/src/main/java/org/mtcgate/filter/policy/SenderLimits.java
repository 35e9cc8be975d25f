package org.mtcgate.filter.policy;

import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.limit.PeriodCounter;
import org.mtcgate.filter.limit.TokenBucket;

import java.util.List;

/**
 * The rate and quota state of one policy's senders, by sender slot. A compiled policy has none ({@link #UNBOUND}):
 * it can be checked and explained, and counts nothing until {@link PolicyInstaller} binds the state of the
 * accepted policy from the limiter registry.
 */
final class SenderLimits {
    static final SenderLimits UNBOUND = new SenderLimits(null, null);

    private final TokenBucket[] buckets;
    private final PeriodCounter[] counters;

    private SenderLimits(TokenBucket[] buckets, PeriodCounter[] counters) {
        this.buckets = buckets;
        this.counters = counters;
    }

    /** Takes each limited sender's state from the registry, which keeps it when the sender's limit is unchanged. */
    static SenderLimits bind(List<SenderRule> senders, LimiterRegistry registry, long nowNanos) {
        TokenBucket[] buckets = new TokenBucket[senders.size()];
        PeriodCounter[] counters = new PeriodCounter[senders.size()];
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
    TokenBucket bucket(int slot) {
        return buckets == null ? null : buckets[slot];
    }

    /** The sender's counter; null when it has no quota or the state is not bound. */
    PeriodCounter counter(int slot) {
        return counters == null ? null : counters[slot];
    }
}

package org.mtcgate.filter.limit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each sender's bucket and counter across policy reloads: reloading a policy must not hand a sender a
 * fresh burst or a fresh daily quota. A sender whose limit changes gets a new bucket or counter.
 */
public final class LimiterRegistry implements LimiterStore {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, PeriodCounter> counters = new ConcurrentHashMap<>();

    /** The bucket for this sender and limit, kept from before when the limit is unchanged. */
    @Override
    public TokenBucket bucket(String senderId, RateLimit limit, long nowNanos) {
        return buckets.compute(senderId, (id, old) -> old != null && old.limit().equals(limit) ? old : new TokenBucket(limit, nowNanos));
    }

    /** The counter for this sender and quota, kept from before when the quota is unchanged. */
    @Override
    public PeriodCounter counter(String senderId, Quota quota) {
        return counters.compute(senderId, (id, old) -> old != null && old.quota().equals(quota) ? old : new PeriodCounter(quota));
    }

    /** Drops the limiters of senders no longer in the policy. */
    @Override
    public void retainOnly(Set<String> senderIds) {
        buckets.keySet().retainAll(senderIds);
        counters.keySet().retainAll(senderIds);
    }
}

package org.mtcgate.filter.limit;

import java.util.Set;

/**
 * Port: where the senders' rate and quota state lives, by sender id, across policy changes. The embedded
 * {@link LimiterRegistry} keeps it in memory; several nodes acting as one would share it instead, without the
 * policy noticing.
 */
public interface LimiterStore {
    /** The rate state for this sender and limit, kept from before when the limit is unchanged. */
    RateLimiter bucket(String senderId, RateLimit limit, long nowNanos);

    /** The quota state for this sender and quota, kept from before when the quota is unchanged. */
    QuotaCounter counter(String senderId, Quota quota);

    /** Drops the state of senders no longer in the policy. */
    void retainOnly(Set<String> senderIds);
}

package org.mtcgate.filter.limit;

/** A sender's quota state: counts items per calendar period. */
public interface QuotaCounter {
    Quota quota();

    /** Counts one item if the period's quota has room. */
    boolean tryAcquire(long nowMillis);

    /** Items counted in the period that contains {@code nowMillis}. */
    long used(long nowMillis);
}

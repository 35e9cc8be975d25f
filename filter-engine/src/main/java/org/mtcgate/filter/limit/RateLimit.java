package org.mtcgate.filter.limit;

/**
 * A rate of so many items per second with a burst allowance, as written in a policy.
 *
 * @param perSecond sustained rate, above 0
 * @param burst     how many items may arrive at once after a quiet spell, at least 1
 */
public record RateLimit(double perSecond, int burst) {
    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be above 0 per second");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
    }
}

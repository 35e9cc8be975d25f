package org.mtcgate.bsf;

/**
 * How much unauthenticated work Ub may cause (bsf/PROFILE.md, "Flood limits"): every vector the BSF fetches advances
 * the subscriber's SEQ_HE with a durable write at the HSS, and any client may ask for one by naming an IMPI. So
 * requests are limited per source address, fresh vectors per IMPI and for the whole BSF, and the challenges held
 * while waiting for an answer are bounded.
 *
 * @param perSource            Ub requests of any kind from one source address
 * @param perImpi              fresh vectors (new challenges and resynchronisations) for one IMPI
 * @param vectors              fresh vectors for all IMPIs together: the bound on the HSS's durable writes
 * @param maxTracked           source addresses and IMPIs tracked at most, each (a new one is refused when full)
 * @param maxPendingChallenges challenges held unanswered at most (a new one is refused when full)
 */
public record FloodLimits(Rate perSource, Rate perImpi, Rate vectors, int maxTracked, int maxPendingChallenges) {
    /**
     * Safe for a BSF serving UEs that bootstrap now and then: a UE needs two requests and one vector per bootstrap
     * (four and two after a resynchronisation); a NAT in front of many UEs needs a larger per-source rate.
     */
    public static final FloodLimits DEFAULT = new FloodLimits(new Rate(20, 100), new Rate(0.05, 20), new Rate(500, 1000),
            100_000, 100_000);

    public FloodLimits {
        if (perSource == null || perImpi == null || vectors == null) {
            throw new IllegalArgumentException("every rate is needed");
        }
        if (maxTracked < 1 || maxPendingChallenges < 1) {
            throw new IllegalArgumentException("the bounds must be positive");
        }
    }

    public FloodLimits withMaxPendingChallenges(int max) {
        return new FloodLimits(perSource, perImpi, vectors, maxTracked, max);
    }

    /**
     * A token bucket: {@code burst} at once after a quiet spell, {@code perSecond} sustained.
     *
     * @param perSecond tokens added per second, above 0 (0.05: one every 20 s)
     * @param burst     tokens held at most, at least 1
     */
    public record Rate(double perSecond, int burst) {
        public Rate {
            if (!(perSecond > 0) || perSecond > 1e9) {
                throw new IllegalArgumentException("a rate must be above 0 and at most 1e9 per second");
            }
            if (burst < 1) {
                throw new IllegalArgumentException("a burst must be at least 1");
            }
        }

        @Override
        public String toString() {
            return perSecond + "/s burst " + burst;
        }
    }
}

package org.mtcgate.bsf;

import org.mtcgate.gba.Impi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Applies the {@link FloodLimits} before the BSF does work for a client it has not authenticated: a source address
 * gets so many requests, an IMPI and the BSF as a whole so many fresh vectors. Thread-safe; never blocks.
 */
public final class FloodGuard {
    /** The one key of the BSF-wide vector bucket. */
    private static final String ALL = "all";

    /**
     * Why a request is not served now.
     *
     * @param busy       the BSF as a whole is at its bound (503) rather than this client over its own (429)
     * @param rule       a short name for counters and the audit: ub-rate-source, ub-rate-impi, ub-busy
     * @param reason     for the client and an operator
     * @param retryAfter when a token is there again
     * @param first      the first refusal of its episode: the one worth an audit record
     */
    public record Refusal(boolean busy, String rule, String reason, Duration retryAfter, boolean first) {
        /** Retry-After in whole seconds, at least 1 (RFC 9110 10.2.3). */
        public long retryAfterSeconds() {
            long s = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            return Math.max(1, s);
        }
    }

    private final FloodLimits limits;
    private final Clock clock;
    private final KeyedBuckets<String> sources;
    private final KeyedBuckets<Impi> impis;
    private final KeyedBuckets<String> vectors;

    public FloodGuard(FloodLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.sources = new KeyedBuckets<>(limits.perSource(), limits.maxTracked());
        this.impis = new KeyedBuckets<>(limits.perImpi(), limits.maxTracked());
        this.vectors = new KeyedBuckets<>(limits.vectors(), 1);
    }

    public FloodLimits limits() {
        return limits;
    }

    /** One request from {@code source} (an address as text); empty when it may be served. */
    public Optional<Refusal> admitRequest(String source) {
        return refusal(sources.take(source, clock.instant()), "ub-rate-source",
                "too many requests from " + source + " (bsf.ub-limits.per-source " + limits.perSource() + ")",
                "too many sources are being limited at once (bsf.ub-limits.max-tracked " + limits.maxTracked() + ")");
    }

    /** One fresh vector for {@code impi}; empty when it may be fetched. */
    public Optional<Refusal> admitVector(Impi impi) {
        Optional<Refusal> own = refusal(impis.take(impi, clock.instant()), "ub-rate-impi",
                "too many challenges for this IMPI (bsf.ub-limits.per-impi " + limits.perImpi() + ")",
                "too many IMPIs are being limited at once (bsf.ub-limits.max-tracked " + limits.maxTracked() + ")");
        if (own.isPresent()) {
            return own;
        }
        KeyedBuckets.Take all = vectors.take(ALL, clock.instant());
        if (all instanceof KeyedBuckets.Limited l) {
            return Optional.of(new Refusal(true, "ub-busy", "the BSF is at its vector rate (bsf.ub-limits.vectors "
                    + limits.vectors() + ")", l.retryAfter(), l.first()));
        }
        return Optional.empty();
    }

    /** Forgets the buckets that have refilled; a chore. */
    public void sweep() {
        sources.sweep(clock.instant());
        impis.sweep(clock.instant());
    }

    /** Sources and IMPIs tracked now. */
    public int trackedCount() {
        return sources.size() + impis.size();
    }

    private static Optional<Refusal> refusal(KeyedBuckets.Take t, String rule, String limited, String full) {
        if (t instanceof KeyedBuckets.Limited l) {
            return Optional.of(new Refusal(false, rule, limited, l.retryAfter(), l.first()));
        }
        if (t instanceof KeyedBuckets.Full f) {
            return Optional.of(new Refusal(true, "ub-busy", full, f.retryAfter(), f.first()));
        }
        return Optional.empty();
    }
}

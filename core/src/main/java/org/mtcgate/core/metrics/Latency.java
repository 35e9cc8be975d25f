package org.mtcgate.core.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * The latency histogram of one interface, {@code mtcgate_<interface>_seconds}. Fetch once from
 * {@link NodeMetrics#latency(String)} and keep it.
 */
public final class Latency {
    private static final double NANOS_PER_SECOND = 1e9;

    private final DistributionDataPoint histogram;

    Latency(DistributionDataPoint histogram) {
        this.histogram = histogram;
    }

    /** Records the time since {@code startNanos}, a value of {@link System#nanoTime()}. */
    public void since(long startNanos) {
        observeNanos(System.nanoTime() - startNanos);
    }

    public void observeNanos(long nanos) {
        histogram.observe(nanos / NANOS_PER_SECOND);
    }

    public void observeSeconds(double seconds) {
        histogram.observe(seconds);
    }
}

package org.mtcgate.core.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/**
 * The message and error counters of one Diameter peer or M3UA association. An adapter fetches this once per peer
 * (from {@link NodeMetrics#diameterPeer} or {@link NodeMetrics#m3uaAssociation}) and keeps it: each call is then
 * one atomic add.
 */
public final class PeerCounters {
    private final CounterDataPoint in;
    private final CounterDataPoint out;
    private final CounterDataPoint errors;

    PeerCounters(CounterDataPoint in, CounterDataPoint out, CounterDataPoint errors) {
        this.in = in;
        this.out = out;
        this.errors = errors;
    }

    /** One message received from the peer. */
    public void messageIn() {
        in.inc();
    }

    /** One message sent to the peer. */
    public void messageOut() {
        out.inc();
    }

    /** One error on this peer: a message that could not be decoded, an error answer, a failed send. */
    public void error() {
        errors.inc();
    }
}

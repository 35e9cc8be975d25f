package org.mtcgate.core.observe;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Locale;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.config.DiameterSettings;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.diameter.codec.DecodeLimits;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.OverloadSettings;

/**
 * Connects the Diameter endpoint's protection to the node: limits and overload bounds from the config, every
 * endpoint counter to {@code mtcgate_diameter_events_total{event}}, and 3004 refusals to the audit log.
 */
public final class DiameterObservation {
    private DiameterObservation() {
    }

    /** Sets {@code diameter.limits} and {@code diameter.overload} on the endpoint's config. */
    public static DiameterNodeConfig.Builder configure(DiameterNodeConfig.Builder b, DiameterSettings.Protection p) {
        return b.decodeLimits(new DecodeLimits(p.maxGroupedDepth(), p.maxAvps()))
                .overload(new OverloadSettings(p.maxPendingPerPeer(), p.maxPendingTotal(), p.doicReduction(), p.doicValidity()));
    }

    /** Before the endpoint starts. Counting costs an array lookup and an atomic add on the event loop. */
    public static void attach(DiameterNode diameter, AuditLog audit, NodeMetrics metrics) {
        Counter[] all = Counter.values();
        CounterDataPoint[] points = new CounterDataPoint[all.length];
        for (Counter c : all) {
            points[c.ordinal()] = metrics.diameterEvent(c.name().toLowerCase(Locale.ROOT));
        }
        diameter.counters().addListener(c -> points[c.ordinal()].inc());
        diameter.peerCountListener(new PeerMetrics(metrics));
        diameter.onOverload((peer, scope, refused, pending, limit) ->
                audit.diameterOverload(peer, scope.name().toLowerCase(Locale.ROOT), refused, pending, limit));
    }
}

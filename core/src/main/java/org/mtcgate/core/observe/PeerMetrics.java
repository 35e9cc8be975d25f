package org.mtcgate.core.observe;

import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.metrics.PeerCounters;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.PeerCountListener;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns a Diameter connection's counted events into {@code mtcgate_diameter_messages_total{peer, direction}} and
 * {@code mtcgate_diameter_errors_total{peer}}. The peer is the one authenticated at the capabilities exchange, so
 * the series are as few as the peers.
 */
final class PeerMetrics implements PeerCountListener {
    /** What counts as an error on a peer: it, the link or this node failed to do what the protocol asks. */
    static final Set<Counter> ERRORS = EnumSet.of(Counter.ERROR_ANSWERS_SENT, Counter.DECODE_FAILURES,
            Counter.TRANSPORT_ERRORS, Counter.WATCHDOG_TIMEOUTS, Counter.UNKNOWN_ANSWERS, Counter.REQUEST_TIMEOUTS,
            Counter.INTERNAL_ERRORS);

    private final NodeMetrics metrics;
    private final ConcurrentMap<String, PeerCounters> peers = new ConcurrentHashMap<>();

    PeerMetrics(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void counted(String peerHost, Counter counter) {
        if (counter != Counter.MESSAGES_RECEIVED && counter != Counter.MESSAGES_SENT && !ERRORS.contains(counter)) {
            return;
        }
        PeerCounters c = peers.computeIfAbsent(peerHost, metrics::diameterPeer);
        switch (counter) {
            case MESSAGES_RECEIVED -> c.messageIn();
            case MESSAGES_SENT -> c.messageOut();
            default -> c.error();
        }
    }
}

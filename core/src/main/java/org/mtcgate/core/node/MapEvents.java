package org.mtcgate.core.node;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.smsc.MoObserver;

import java.util.Locale;

/**
 * Carries what the SMS Router and the SMS-SC's MO path report into the node's audit, metrics, counters and console traces:
 * each verdict exactly as a Tsp verdict is carried, forwarding results and protocol errors as metrics. Runs on
 * jSS7 threads; everything it calls is non-blocking.
 */
final class MapEvents implements RouterObserver, MoObserver {
    private static final Logger LOG = LogManager.getLogger(MapEvents.class);

    private final TriggerObserver verdicts;
    private final NodeMetrics metrics;

    MapEvents(TriggerObserver verdicts, NodeMetrics metrics) {
        this.verdicts = verdicts;
        this.metrics = metrics;
    }

    @Override
    public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
        verdicts.verdict(item, verdict);
        metrics.routerForwarded(outcome.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Override
    public void smBlocked(InboundItem item, Verdict verdict) {
        verdicts.verdict(item, verdict);
    }

    @Override
    public void accepted(InboundItem item, Verdict verdict) {
        verdicts.verdict(item, verdict);
    }

    @Override
    public void blocked(InboundItem item, Verdict verdict) {
        verdicts.verdict(item, verdict);
    }

    @Override
    public void protocolError(ProtocolError error, String detail) {
        metrics.mapProtocolError(error.counterName());
        // peer input: counted always, logged at debug so a flood of bad dialogs cannot flood the log
        LOG.debug("MAP {}: {}", error.counterName(), detail);
    }
}

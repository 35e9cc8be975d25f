package org.mtcgate.core.node;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.smsc.MoObserver;
import org.mtcgate.map.stack.RefusedReply;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Carries what the SMS Router and the SMS-SC's MO path report into the node's audit, metrics, counters and console traces:
 * each verdict exactly as a Tsp verdict is carried, forwarding results and protocol errors as metrics. Runs on
 * jSS7 threads; everything it calls is non-blocking.
 */
final class MapEvents implements RouterObserver, MoObserver {
    private static final Logger LOG = LogManager.getLogger(MapEvents.class);

    /** Refusals for where a message came from, decided before any verdict: each is one audit line as well. */
    private static final Set<ProtocolError> AUDITED = EnumSet.of(ProtocolError.REPLY_FROM_WRONG_LINK,
            ProtocolError.REPORT_WITHOUT_CORRELATION);

    private final TriggerObserver verdicts;
    private final AuditLog audit;
    private final NodeMetrics metrics;

    MapEvents(TriggerObserver verdicts, AuditLog audit, NodeMetrics metrics) {
        this.verdicts = verdicts;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** A reply to one of the node's dialogs dropped for arriving over another link (the SS7 stack's report). */
    void replyFromWrongLink(RefusedReply reply) {
        protocolError(ProtocolError.REPLY_FROM_WRONG_LINK, reply.describe());
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
        if (AUDITED.contains(error)) {
            audit.mapRefusal(error.counterName(), detail);
        }
        // peer input: counted always, logged at debug so a flood of bad dialogs cannot flood the log
        LOG.debug("MAP {}: {}", error.counterName(), detail);
    }
}

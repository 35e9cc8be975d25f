package org.mtcgate.core.observe;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.Refusal;
import org.mtcgate.map.dialog.RefusalListener;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.smsc.MoObserver;
import org.mtcgate.map.stack.RefusedReply;

import java.util.Locale;

/**
 * Carries what the SMS Router and the SMS-SC's MO path report into the node's audit, metrics, counters and console traces:
 * each verdict exactly as a Tsp verdict is carried, forwarding results and protocol errors as metrics. Runs on
 * jSS7 threads; everything it calls is non-blocking.
 */
public final class MapEvents implements RouterObserver, MoObserver, RefusalListener {
    private static final Logger LOG = LogManager.getLogger(MapEvents.class);

    private final NodeObserver verdicts;
    private final NodeMetrics metrics;
    private final String source;

    /** @param source names the deciding part in refusal records: "map-gate", "sms-router", "sms-sc-mo" */
    public MapEvents(NodeObserver verdicts, NodeMetrics metrics, String source) {
        this.verdicts = verdicts;
        this.metrics = metrics;
        this.source = source;
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

    /** A refusal by a handler (unknown correlation, malformed TPDU, ...): counted and audited. */
    @Override
    public void protocolError(ProtocolError error, String detail) {
        metrics.mapProtocolError(error.counterName());
        // peer input: counted always, logged at debug so a flood of bad dialogs cannot flood the log
        LOG.debug("MAP {}: {}", error.counterName(), detail);
        verdicts.refusal(source, null, null, null, null, error.ruleId(), detail, null);
    }

    /**
     * A reply to one of the node's dialogs dropped by the SS7 stack for arriving over another link than the dialog's
     * peer: counted and audited, the peer being the link it arrived over.
     */
    public void replyFromWrongLink(RefusedReply r) {
        ProtocolError error = ProtocolError.REPLY_FROM_WRONG_LINK;
        metrics.mapProtocolError(error.counterName());
        verdicts.refusal(source, r.arrivedOn(), null, null, null, error.ruleId(), r.describe(), null);
    }

    /** A dialog refused by the stack's gate before any handler saw it: counted and audited. */
    @Override
    public void refused(Refusal r) {
        metrics.mapProtocolError(r.error().counterName());
        verdicts.refusal(source, r.peer(), r.callingGt(), r.operation() < 0 ? null : r.operation(), r.context(),
                r.ruleId(), r.reason(), r.answer());
    }
}

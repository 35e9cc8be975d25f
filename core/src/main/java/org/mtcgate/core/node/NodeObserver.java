package org.mtcgate.core.node;

import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerObserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where every verdict and trigger state change goes: the audit log, the metrics, the node's own counters for
 * {@code show stats}, and the consoles that asked to trace the UE or SCS concerned.
 */
final class NodeObserver implements TriggerObserver, AutoCloseable {
    private static final int TRACE_QUEUE = 10_000;

    /** A console session's trace: what it wants to see and where to print it. */
    record Trace(String id, String key, Predicate<String> matches, Consumer<String> out) {
    }

    private final AuditLog audit;
    private final NodeMetrics metrics;
    private final Map<String, LongAdder> verdictCounts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> stateCounts = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Trace> traces = new CopyOnWriteArrayList<>();
    private final TraceWriter traceWriter;

    NodeObserver(AuditLog audit, NodeMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
        this.traceWriter = new TraceWriter(TRACE_QUEUE);
    }

    @Override
    public void verdict(InboundItem item, Verdict verdict) {
        audit.verdict(item, verdict);
        metrics.verdict(item, verdict);
        verdictCounts.computeIfAbsent(item.ingress() + " " + verdict.decision() + " " + verdict.ruleId(), k -> new LongAdder())
                .increment();
        if (!traces.isEmpty()) {
            String who = item.originator().identity() + " " + names(item);
            for (Trace t : traces) {
                if (t.matches().test(who)) {
                    print(t, item.describe() + " -> " + verdict);
                }
            }
        }
    }

    @Override
    public void stateChanged(DeviceTrigger before, DeviceTrigger after) {
        audit.triggerState(after.id().scsIdentity(), after.id().referenceNumber(),
                before == null ? null : before.state().name(), after.state().name(),
                after.outcome() == null ? "to " + after.ue() : "outcome " + after.outcome());
        stateCounts.computeIfAbsent(after.state().name(), k -> new LongAdder()).increment();
        if (!traces.isEmpty()) {
            String who = after.id().scsIdentity() + " " + after.ue() + " " + (after.ue().msisdn() == null ? "" : after.ue().msisdn());
            for (Trace t : traces) {
                if (t.matches().test(who)) {
                    print(t, after.toString());
                }
            }
        }
    }

    /** Queues the line for the tracing session; a session that has gone away loses its trace. */
    private void print(Trace t, String line) {
        traceWriter.offer(t.out(), "[trace " + t.key() + "] " + line, () -> traces.contains(t), () -> traces.remove(t));
    }

    /** Trace lines dropped because a console read too slowly. */
    long traceLinesDropped() {
        return traceWriter.dropped();
    }

    @Override
    public void close() {
        traceWriter.close();
    }

    private static String names(InboundItem item) {
        StringBuilder sb = new StringBuilder();
        if (item.targetMsisdn() != null) {
            sb.append(item.targetMsisdn()).append(' ');
        }
        if (item.targetExternalId() != null) {
            sb.append(item.targetExternalId()).append(' ');
        }
        if (item.targetImsi() != null) {
            sb.append(item.targetImsi().digits());
        }
        return sb.toString();
    }

    /** Traces everything naming {@code key} (an SCS identity, MSISDN, External-Identifier or IMSI) to {@code out}. */
    void traceOn(String sessionId, String key, Consumer<String> out) {
        traces.removeIf(t -> t.id().equals(sessionId) && t.key().equals(key));
        traces.add(new Trace(sessionId, key, who -> containsWord(who, key), out));
    }

    boolean traceOff(String sessionId, String key) {
        return traces.removeIf(t -> t.id().equals(sessionId) && (key == null || t.key().equals(key)));
    }

    private static boolean containsWord(String text, String word) {
        for (String w : text.split(" ")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    Map<String, Long> verdictCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        verdictCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    Map<String, Long> stateCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        stateCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

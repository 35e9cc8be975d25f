package org.mtcgate.core.observe;

import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.trigger.DeviceActionResult;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;
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
public final class NodeObserver implements TriggerObserver, AutoCloseable {
    private static final int TRACE_QUEUE = 10_000;

    /**
     * A console session's trace: what it wants to see and where to print it. Writing and stopping hold the same
     * lock, so once {@link #stop} returns no line of this trace is being printed or will be: the console's
     * "trace stopped" is the last thing the session sees of it.
     */
    static final class Trace {
        private final String id;
        private final String key;
        private final Predicate<String> matches;
        private final Consumer<String> out;
        private boolean stopped; // guarded by this

        Trace(String id, String key, Predicate<String> matches, Consumer<String> out) {
            this.id = id;
            this.key = key;
            this.matches = matches;
            this.out = out;
        }

        synchronized void write(String line) {
            if (!stopped) {
                out.accept(line);
            }
        }

        synchronized void stop() {
            stopped = true;
        }

        boolean isOf(String sessionId, String traceKey) {
            return id.equals(sessionId) && (traceKey == null || key.equals(traceKey));
        }
    }

    private final AuditLog audit;
    private final NodeMetrics metrics;
    private final Map<String, LongAdder> verdictCounts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> stateCounts = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Trace> traces = new CopyOnWriteArrayList<>();
    private final TraceWriter traceWriter;

    public NodeObserver(AuditLog audit, NodeMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
        this.traceWriter = new TraceWriter(TRACE_QUEUE);
    }

    @Override
    public void verdict(InboundItem item, Verdict verdict) {
        audit.verdict(item, verdict);
        metrics.verdict(item, verdict);
        counted(item, verdict.decision() + " " + verdict.ruleId(), verdict.toString());
    }

    /**
     * A trigger's verdict with its answer: one that the filter allowed and the HSS, the store or the SMS-SC then
     * refused is audited, counted and traced as refused with its Request-Status, not as allowed.
     */
    @Override
    public void decided(InboundItem item, Verdict verdict, TriggerId trigger, DeviceActionResult result) {
        audit.triggerVerdict(item, verdict, trigger.referenceNumber(), result);
        if (verdict.allowed() && !result.triggerTaken()) {
            metrics.refusedAfterFilter(item.ingress(), verdict);
            counted(item, "REFUSED " + result.requestStatus(), "REFUSED after " + verdict.ruleId() + " ("
                    + result.requestStatus() + "): " + result.reason());
        } else {
            metrics.verdict(item, verdict);
            counted(item, verdict.decision() + " " + verdict.ruleId(), verdict.toString());
        }
    }

    private void counted(InboundItem item, String outcome, String traced) {
        verdictCounts.computeIfAbsent(item.ingress() + " " + outcome, k -> new LongAdder()).increment();
        if (!traces.isEmpty()) {
            String who = item.originator().identity() + " " + names(item);
            for (Trace t : traces) {
                if (t.matches.test(who)) {
                    print(t, item.describe() + " -> " + traced);
                }
            }
        }
    }

    /**
     * A refusal decided outside the filter (MAP gate, router, MO path): audited (droppable when the audit queue is
     * nearly full, see {@link AuditLog#refusal}) and counted for {@code show stats}.
     */
    void refusal(String source, String peer, String callingGt, Long operation, String context, String rule,
                 String reason, String answer) {
        audit.refusal(source, peer, callingGt, operation, context, rule, reason, answer);
        verdictCounts.computeIfAbsent("MAP refused " + rule, k -> new LongAdder()).increment();
    }

    /** A refusal of T8's security checks (certificate, token, scope, path): audited and counted like the MAP ones. */
    public void t8Refusal(String who, String rule, String reason) {
        audit.refusal("t8", who, null, null, null, rule, reason, null);
        verdictCounts.computeIfAbsent("T8 refused " + rule, k -> new LongAdder()).increment();
    }

    /**
     * A Ub refusal: a client over a flood limit or the BSF at its bound (once per episode), or a failed
     * authentication. Audited (droppable when the audit queue is nearly full) and counted for {@code show stats}.
     */
    public void ubRefusal(String source, String impi, String rule, String reason) {
        audit.refusal("ub", source, null, null, impi == null ? null : "impi " + impi, rule, reason, null);
        verdictCounts.computeIfAbsent("UB refused " + rule, k -> new LongAdder()).increment();
    }

    /** A NAF's key request on Zn and its outcome: audited and counted for {@code show stats}. Never a key. */
    public void gbaKeyRequest(String naf, String btid, String nafFqdn, String outcome, long code, String reason) {
        audit.gbaKeyRequest(naf, btid, nafFqdn, outcome, code, reason);
        verdictCounts.computeIfAbsent("ZN " + outcome, k -> new LongAdder()).increment();
    }

    /** A Push-NAF's GPI request on Zpn and its outcome: audited (never the key or GPI) and counted. */
    public void gbaPushRequest(String naf, String ueId, String nafFqdn, String outcome, long code, String reason) {
        audit.gbaPushRequest(naf, ueId, nafFqdn, outcome, code, reason);
        verdictCounts.computeIfAbsent("ZPN " + outcome, k -> new LongAdder()).increment();
    }

    /** Refusal records the audit log had to drop (its queue nearly full). */
    public long refusalsDropped() {
        return audit.refusalsDropped();
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
                if (t.matches.test(who)) {
                    print(t, after.toString());
                }
            }
        }
    }

    /** A Device-Action refused on its own content (payload, validity, SCS-Identity): audited like a state change. */
    @Override
    public void refused(org.mtcgate.filter.trigger.DeviceActionRequest request,
                        org.mtcgate.filter.trigger.DeviceActionResult result) {
        audit.triggerState(request.scsIdentity(), request.referenceNumber(), null, "REFUSED",
                result.requestStatus() + ": " + result.reason());
        stateCounts.computeIfAbsent("REFUSED " + result.requestStatus(), k -> new LongAdder()).increment();
    }

    /** Queues the line for the tracing session; a session that has gone away loses its trace. */
    private void print(Trace t, String line) {
        traceWriter.offer(t::write, "[trace " + t.key + "] " + line, () -> {
            traces.remove(t);
            t.stop();
        });
    }

    /** Trace lines dropped because a console read too slowly. */
    public long traceLinesDropped() {
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
    public void traceOn(String sessionId, String key, Consumer<String> out) {
        stopTraces(sessionId, key);
        traces.add(new Trace(sessionId, key, who -> containsWord(who, key), out));
    }

    public boolean traceOff(String sessionId, String key) {
        return stopTraces(sessionId, key);
    }

    private boolean stopTraces(String sessionId, String key) {
        boolean any = false;
        for (Trace t : traces) {
            if (t.isOf(sessionId, key) && traces.remove(t)) {
                t.stop();
                any = true;
            }
        }
        return any;
    }

    private static boolean containsWord(String text, String word) {
        for (String w : text.split(" ")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, Long> verdictCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        verdictCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public Map<String, Long> stateCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        stateCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

package org.mtcgate.core.node;

import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The node's own metrics and readiness beside the roles': build, audit queue, started or not. */
final class NodeGauges {
    private NodeGauges() {
    }

    static void register(NodeMetrics metrics, AuditLog audit, BooleanSupplier running) {
        metrics.buildInfo(BuildInfo.version(), BuildInfo.commit());
        metrics.gauge("mtcgate_audit_queue", "Audit records waiting for the writer thread", null,
                () -> Map.of("", audit.queued()));
        metrics.counter("mtcgate_audit_refusals_dropped_total", "Refusal records dropped because the audit queue was nearly full",
                null, () -> Map.of("", audit.refusalsDropped()));
        // Every listener binds before the roles start; until then, and from the first step of closing, not ready.
        metrics.readinessCondition(() -> running.getAsBoolean() ? Optional.empty()
                : Optional.of("the node is starting or stopping"));
    }
}

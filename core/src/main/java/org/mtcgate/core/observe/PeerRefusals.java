package org.mtcgate.core.observe;

import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.diameter.peer.PeerSecurityListener;

/**
 * Where the Diameter endpoint reports a request refused because its peer is not trusted for it: one audit record
 * naming the rule, and the {@code mtcgate_diameter_refusals_total{peer,rule}} metric. Runs on the Netty event loop
 * that refused the request; the audit log only queues.
 */
public final class PeerRefusals implements PeerSecurityListener {
    private final AuditLog audit;
    private final NodeMetrics metrics;

    public PeerRefusals(AuditLog audit, NodeMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void refused(RefusedRequest r) {
        audit.diameterRefusal(r.peerHost(), r.remoteAddress() == null ? null : r.remoteAddress().toString(),
                r.claimedOrigin(), r.applicationId(), r.commandCode(), r.resultCode(), r.rule().id(), r.reason());
        metrics.diameterRefusal(r.peerHost(), r.rule().id());
    }
}

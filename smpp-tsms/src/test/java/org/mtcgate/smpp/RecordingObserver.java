package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every report of the server as one line, as the node's audit would. */
final class RecordingObserver implements TsmsObserver {
    final List<String> lines = new CopyOnWriteArrayList<>();
    /** Completes when the first SME is bound. */
    final java.util.concurrent.CompletableFuture<String> firstBind = new java.util.concurrent.CompletableFuture<>();

    @Override
    public void bound(String systemId, String peer, BindKind kind) {
        lines.add("bound " + systemId + " " + kind);
        firstBind.complete(systemId);
    }

    @Override
    public void bindRefused(String systemId, String peer, int status, String rule, String reason) {
        lines.add("bind-refused " + systemId + " " + SmppStatus.name(status) + " " + rule);
    }

    @Override
    public void accepted(InboundItem item, Verdict verdict) {
        lines.add("accepted " + item.originator().identity() + " " + verdict.ruleId());
    }

    @Override
    public void blocked(InboundItem item, Verdict verdict) {
        lines.add("blocked " + item.originator().identity() + " " + verdict.ruleId() + " " + item.kind());
    }

    @Override
    public void refused(String systemId, String peer, int status, String rule, String reason) {
        lines.add("refused " + systemId + " " + SmppStatus.name(status) + " " + rule);
    }

    boolean has(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }
}

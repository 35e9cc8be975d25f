package org.mtcgate.core.observe;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.smpp.BindKind;
import org.mtcgate.smpp.SmppStatus;
import org.mtcgate.smpp.TsmsObserver;

/**
 * Carries what the Tsms server reports into the node's audit, metrics and counters: verdicts as every other
 * ingress's, refused binds and SMs as refusal records (source {@code tsms}, the SME's address as peer, the
 * command_status as answer).
 */
public final class TsmsEvents implements TsmsObserver {
    private static final Logger LOG = LogManager.getLogger(TsmsEvents.class);
    private final NodeObserver verdicts;

    public TsmsEvents(NodeObserver verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public void bound(String systemId, String peer, BindKind kind) {
        LOG.info("tsms: SME {} bound as {} from {}", systemId, kind.configName(), peer);
    }

    @Override
    public void bindRefused(String systemId, String peer, int status, String rule, String reason) {
        verdicts.refusal("tsms", peer, null, null, "bind " + systemId, rule, reason, SmppStatus.name(status));
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
    public void refused(String systemId, String peer, int status, String rule, String reason) {
        verdicts.refusal("tsms", peer, null, null, "submit " + systemId, rule, reason, SmppStatus.name(status));
    }
}

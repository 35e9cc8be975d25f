package org.mtcgate.filter.trigger;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One subscription as the embedded subscriber store holds it.
 *
 * @param imsi         the IMSI
 * @param msisdn       the MSISDN, or null for an MSISDN-less subscription
 * @param externalIds  its External-Identifiers
 * @param triggerScs   the SCSs the HSS lets trigger it ("*" for any), as S6m would check them
 * @param servingNodes MSC/SGSN/MME numbers it is reachable through, best first
 */
public record Subscriber(Imsi imsi, Msisdn msisdn, List<ExternalId> externalIds, Set<String> triggerScs,
                         List<String> servingNodes) {
    public Subscriber {
        Objects.requireNonNull(imsi, "imsi");
        externalIds = List.copyOf(externalIds);
        triggerScs = Set.copyOf(triggerScs);
        servingNodes = List.copyOf(servingNodes);
    }

    public boolean mayBeTriggeredBy(String scsIdentity) {
        return triggerScs.contains("*") || triggerScs.contains(scsIdentity);
    }

    public SubscriberInfo info() {
        return new SubscriberInfo(imsi, msisdn, servingNodes);
    }
}

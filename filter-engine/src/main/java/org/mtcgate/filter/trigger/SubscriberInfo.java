package org.mtcgate.filter.trigger;

import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.util.List;
import java.util.Objects;

/**
 * What the HSS says about a UE the SCS may trigger (S6m SIA): its IMSI (kept inside the operator's network)
 * and MSISDN, and the serving nodes an SM can be delivered through.
 *
 * @param imsi         the UE's IMSI; never sent on Tsp
 * @param msisdn       the UE's MSISDN, or null for an MSISDN-less subscription
 * @param servingNodes MSC, SGSN or MME numbers (E.164) an SMS-SC may deliver through, best first; may be empty
 */
public record SubscriberInfo(Imsi imsi, Msisdn msisdn, List<String> servingNodes) {
    public SubscriberInfo {
        Objects.requireNonNull(imsi, "imsi");
        servingNodes = List.copyOf(servingNodes);
    }
}

package org.mtcgate.filter.smsc;

import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.util.List;
import java.util.Objects;

/**
 * Where an SM goes: the UE's IMSI (SM-RP-DA of MT-ForwardSM), its MSISDN when it has one, and the serving
 * nodes (MSC, SGSN, MME numbers) it can be delivered through, best first.
 */
public record SmRecipient(Imsi imsi, Msisdn msisdn, List<String> servingNodes) {
    public SmRecipient {
        Objects.requireNonNull(imsi, "imsi");
        servingNodes = List.copyOf(servingNodes);
    }

    /** The serving nodes in order; a text that fits no form is left out (it cannot be delivered to). */
    public List<ServingNode> nodes() {
        java.util.ArrayList<ServingNode> out = new java.util.ArrayList<>();
        for (String n : servingNodes) {
            try {
                out.add(ServingNode.parse(n));
            } catch (IllegalArgumentException e) {
                // skipped: see above
            }
        }
        return out;
    }
}

package org.mtcgate.filter.policy;

import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.Zone;

import java.util.List;

/**
 * The home network's own global titles (its SMS-SCs that handle triggers, the OTA platform, and any
 * {@code home-network.gt-prefixes}). Such a GT only ever reaches this node over a home link: named as the
 * sender (SM-RP-OA) or as the SCCP calling GT of an item that arrived over an interconnect link, it is spoofed,
 * whatever the kind of SM.
 */
final class HomeGts {
    static final String SPOOFED_RULE = "spoofed-home-gt";
    static final HomeGts NONE = new HomeGts(List.of(), List.of());

    private final List<String> exact;
    private final List<String> prefixes;
    private final DigitSet set;
    private final Verdict spoofed = Verdict.block(SPOOFED_RULE,
            "a home network GT arrived over an interconnect link: spoofed (home GTs come from home links only)",
            RequestStatus.NOTAUTHORIZED);

    HomeGts(List<String> exact, List<String> prefixes) {
        this.exact = List.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
        DigitSet.Builder b = new DigitSet.Builder();
        exact.forEach(b::addExact);
        prefixes.forEach(b::addPrefix);
        this.set = b.build();
    }

    /** The spoof verdict when a home GT arrived over an interconnect link, else null. */
    Verdict spoofed(Ingress ingress, Originator originator) {
        if (originator.arrivalLink() == null || originator.arrivalLink().zone() != Zone.INTERCONNECT) {
            return null;
        }
        // On the MO path the address is the UE's MSISDN, not a network element: only the calling GT counts there.
        GlobalTitle address = ingress == Ingress.ROUTER_MT ? originator.address() : null;
        GlobalTitle node = originator.networkNode();
        if ((address != null && set.contains(address)) || (node != null && set.contains(node))) {
            return spoofed;
        }
        return null;
    }

    /** Whether a sender keyed on these exact numbers or prefixes could be a home GT. */
    boolean overlaps(List<String> senderExact, List<String> senderPrefixes) {
        for (String a : senderExact) {
            if (covers(a)) {
                return true;
            }
        }
        for (String p : senderPrefixes) {
            for (String e : exact) {
                if (e.startsWith(p)) {
                    return true;
                }
            }
            for (String q : prefixes) {
                if (p.startsWith(q) || q.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean covers(String number) {
        return exact.contains(number) || prefixes.stream().anyMatch(number::startsWith);
    }

    boolean isEmpty() {
        return exact.isEmpty() && prefixes.isEmpty();
    }

    @Override
    public String toString() {
        return "home GTs " + exact + (prefixes.isEmpty() ? "" : " and prefixes " + prefixes);
    }
}

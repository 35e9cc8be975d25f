package org.mtcgate.filter.trigger;

import java.util.Map;
import java.util.Set;

/**
 * Which SCS-Identity values (TS 29.368 6.4.x, AVP 3104) each authenticated SCS may put in a Device-Action besides
 * its own Diameter identity. TS 23.682 4.5 lets an SCS be known by another identifier, e.g. an MSISDN; the
 * operator lists them per SCS. Anything else is INVSCSID: the claimed identity never widens what the certificate
 * proved.
 */
public final class ScsIdentities {
    public static final ScsIdentities NONE = new ScsIdentities(Map.of());

    private final Map<String, Set<String>> byScs;

    /** @param byScs SCS Diameter identity (Origin-Host, lower case) to the SCS-Identity values it may use */
    public ScsIdentities(Map<String, Set<String>> byScs) {
        Map<String, Set<String>> copy = new java.util.HashMap<>();
        byScs.forEach((k, v) -> copy.put(k.toLowerCase(java.util.Locale.ROOT), Set.copyOf(v)));
        this.byScs = Map.copyOf(copy);
    }

    /** True when {@code claimed} names the SCS authenticated as {@code scs}: its own identity or one configured. */
    public boolean mayUse(String scs, String claimed) {
        return claimed.equalsIgnoreCase(scs)
                || byScs.getOrDefault(scs.toLowerCase(java.util.Locale.ROOT), Set.of()).contains(claimed);
    }
}

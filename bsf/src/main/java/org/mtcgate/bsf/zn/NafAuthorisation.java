package org.mtcgate.bsf.zn;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which NAF may ask for keys under which NAF FQDNs: the NAF is the Diameter peer authenticated by its certificate
 * and CER (its Origin-Host, peer role naf), and the FQDN part of the NAF-Id it sends must be one configured for
 * it (TS 33.220 4.5.3: the BSF checks the NAF is authorised; TS 29.109: the NAF_Id's FQDN may differ from the
 * name the BSF knows the NAF by, so each NAF has its own list). Case-insensitive, as DNS names are.
 */
public final class NafAuthorisation {
    private final Map<String, Set<String>> fqdnsByHost;

    /** @param fqdnsByHost per NAF Diameter identity, the NAF FQDNs it serves */
    public NafAuthorisation(Map<String, Set<String>> fqdnsByHost) {
        Map<String, Set<String>> m = new HashMap<>();
        fqdnsByHost.forEach((host, fqdns) -> m.put(lower(host),
                fqdns.stream().map(NafAuthorisation::lower).collect(Collectors.toUnmodifiableSet())));
        this.fqdnsByHost = Map.copyOf(m);
    }

    /** Whether the peer {@code host} may ask for keys for the NAF FQDN {@code fqdn}. */
    public boolean allows(String host, String fqdn) {
        return fqdnsByHost.getOrDefault(lower(host), Set.of()).contains(lower(fqdn));
    }

    public boolean knows(String host) {
        return fqdnsByHost.containsKey(lower(host));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

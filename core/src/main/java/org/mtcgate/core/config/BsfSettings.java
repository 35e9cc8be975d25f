package org.mtcgate.core.config;

import org.mtcgate.bsf.FloodLimits;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bsf} section: the BSF of GBA (TS 33.220).
 *
 * @param listen         where Ub (HTTPS) listens
 * @param serverName     the BSF's server name: the B-TID's domain, the Digest realm and the name its certificate bears
 * @param keyLifetime    how long a bootstrapped Ks lives (and every NAF key derived from it)
 * @param maxContexts    bootstrapping contexts kept at most (the oldest go first when full)
 * @param tls            the Ub server certificate
 * @param nafs           per NAF Diameter identity (a peer of role naf), the NAF FQDNs it may ask Zn keys for;
 *                       empty: no Zn
 * @param pushHosts      those of the {@code nafs} (lower case) that may also ask for GPIs over Zpn (GBA Push,
 *                       {@code push: true}); empty: no Zpn
 * @param ubLimits       Ub's flood limits ({@code bsf.ub-limits})
 * @param hss            the HSS asked for vectors over Zh ({@code bsf.hss}); null: the node's own hss role
 */
public record BsfSettings(InetSocketAddress listen, String serverName, Duration keyLifetime, int maxContexts, Tls tls,
                          Map<String, Set<String>> nafs, Set<String> pushHosts, FloodLimits ubLimits, Hss hss) {
    public BsfSettings {
        nafs = Map.copyOf(nafs);
        pushHosts = Set.copyOf(pushHosts);
    }

    /** Per Push-NAF Diameter identity, the NAF FQDNs it may ask GPIs for: those it has for Zn. */
    public Map<String, Set<String>> pushNafs() {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        nafs.forEach((host, fqdns) -> {
            if (pushHosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                out.put(host, fqdns);
            }
        });
        return Map.copyOf(out);
    }

    /** Without GBA Push, with the default flood limits and the node's own HSS. */
    public BsfSettings(InetSocketAddress listen, String serverName, Duration keyLifetime, int maxContexts, Tls tls,
                       Map<String, Set<String>> nafs) {
        this(listen, serverName, keyLifetime, maxContexts, tls, nafs, Set.of(), FloodLimits.DEFAULT, null);
    }

    /**
     * An HSS reached over Zh (TS 29.109), a Diameter peer of role hss.
     *
     * @param host its Diameter identity
     * @param realm its realm
     */
    public record Hss(String host, String realm) {
    }

    /**
     * @param certificate    the BSF's certificate chain (PEM), for {@code serverName}
     * @param key            its private key (PEM)
     * @param generateLabPki make the two from the lab CA when missing (labs only, as diameter.tls does)
     */
    public record Tls(Path certificate, Path key, boolean generateLabPki) {
    }
}

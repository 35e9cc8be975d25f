package org.mtcgate.core.config;

import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.bool;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;

/** Reads the {@code bsf} section. */
final class BsfSettingsReader {
    private static final Set<String> BSF = Set.of("listen", "server-name", "key-lifetime", "max-contexts", "tls", "nafs", "ub-limits", "hss");
    private static final Set<String> NAF = Set.of("host", "fqdns", "push");
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*";
    private static final Set<String> TLS = Set.of("certificate", "key", "generate-lab-pki");

    private BsfSettingsReader() {
    }

    /** @param diameter the node's Diameter settings (NAFs are its peers of role naf), or null */
    static BsfSettings read(YamlNode n, YamlNode rolesNode, Path base, DiameterSettings diameter) throws ConfigException {
        if (n == null) {
            throw rolesNode.error("the bsf role needs a 'bsf' section (at least server-name and tls)");
        }
        Map<String, YamlNode> m = n.mapping(BSF);
        String serverName = requiredText(n, m, "server-name");
        if (!serverName.matches(HOST) || serverName.length() > 253) {
            throw m.get("server-name").error("'" + serverName + "' is not a host name");
        }
        Duration lifetime = duration(m, "key-lifetime", Duration.ofHours(1));
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw m.get("key-lifetime").error("must be positive");
        }
        YamlNode t = m.get("tls");
        if (t == null) {
            throw n.error("Ub is HTTPS (TS 33.220 4.5.2): give bsf.tls with the BSF's certificate and key");
        }
        Map<String, YamlNode> tm = t.mapping(TLS);
        BsfSettings.Tls tls = new BsfSettings.Tls(base.resolve(requiredText(t, tm, "certificate")).normalize(),
                base.resolve(requiredText(t, tm, "key")).normalize(), bool(tm, "generate-lab-pki", false));
        return new BsfSettings(ConfigReader.address(m, "listen", InetSocketAddress.createUnresolved("127.0.0.1", 8443)),
                serverName, lifetime, integer(m, "max-contexts", 100_000, 1, 10_000_000), tls, nafs(m.get("nafs"), diameter),
                pushHosts(m.get("nafs")), UbLimitsReader.read(m.get("ub-limits")), hss(m.get("hss"), diameter));
    }

    /** {@code hss: {host: hss1.operator.net, realm: operator.net}}: vectors over Zh from that peer of role hss. */
    private static BsfSettings.Hss hss(YamlNode n, DiameterSettings diameter) throws ConfigException {
        if (n == null) {
            return null;
        }
        Map<String, YamlNode> hm = n.mapping(Set.of("host", "realm"));
        String host = requiredText(n, hm, "host");
        Optional<DiameterSettings.Peer> peer = diameter == null ? Optional.empty() : diameter.peers().stream()
                .filter(p -> p.host().equalsIgnoreCase(host)).findFirst();
        if (peer.isEmpty() || !peer.get().roles().contains(PeerRole.HSS)) {
            throw hm.get("host").error("the BSF asks HSS " + host + " over Zh: it must be a diameter peer with 'role: hss'");
        }
        String realm = hm.containsKey("realm") ? hm.get("realm").requiredText()
                : peer.get().realm() != null ? peer.get().realm() : host.substring(host.indexOf('.') + 1);
        return new BsfSettings.Hss(host, realm);
    }

    /** The NAFs with {@code push: true}: Push-NAFs, which may also ask for GPIs over Zpn (GBA Push). */
    private static Set<String> pushHosts(YamlNode n) throws ConfigException {
        Set<String> out = new HashSet<>();
        if (n != null) {
            for (YamlNode item : n.list()) {
                Map<String, YamlNode> nm = item.mapping(NAF);
                if (bool(nm, "push", false)) {
                    out.add(requiredText(item, nm, "host").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /**
     * {@code nafs: [{host: naf1.example.net, fqdns: [app.example.com], push: true}]}: each a Diameter peer of role naf, with the
     * FQDNs its NAF-Id may name (default: its host).
     */
    private static Map<String, Set<String>> nafs(YamlNode n, DiameterSettings diameter) throws ConfigException {
        if (n == null) {
            return Map.of();
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (YamlNode item : n.list()) {
            Map<String, YamlNode> nm = item.mapping(NAF);
            String host = requiredText(item, nm, "host");
            Optional<DiameterSettings.Peer> peer = diameter == null ? Optional.empty() : diameter.peers().stream()
                    .filter(p -> p.host().equalsIgnoreCase(host)).findFirst();
            if (peer.isEmpty() || !peer.get().roles().contains(PeerRole.NAF)) {
                throw nm.get("host").error("NAF " + host + " asks over Zn: it must be a diameter peer with 'role: naf'");
            }
            Set<String> fqdns = new HashSet<>();
            if (nm.containsKey("fqdns")) {
                for (YamlNode f : nm.get("fqdns").list()) {
                    String fqdn = f.requiredText();
                    if (!fqdn.matches(HOST) || fqdn.length() > 253) {
                        throw f.error("'" + fqdn + "' is not an FQDN");
                    }
                    fqdns.add(fqdn.toLowerCase(Locale.ROOT));
                }
            } else {
                fqdns.add(host.toLowerCase(Locale.ROOT));
            }
            if (out.put(host.toLowerCase(Locale.ROOT), Set.copyOf(fqdns)) != null) {
                throw nm.get("host").error("NAF " + host + " is listed twice");
            }
        }
        return out;
    }
}

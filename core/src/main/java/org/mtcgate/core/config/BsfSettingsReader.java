package org.mtcgate.core.config;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.bool;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;

/** Reads the {@code bsf} section. */
final class BsfSettingsReader {
    private static final Set<String> BSF = Set.of("listen", "server-name", "key-lifetime", "max-contexts", "tls");
    private static final Set<String> TLS = Set.of("certificate", "key", "generate-lab-pki");

    private BsfSettingsReader() {
    }

    static BsfSettings read(YamlNode n, YamlNode rolesNode, Path base) throws ConfigException {
        if (n == null) {
            throw rolesNode.error("the bsf role needs a 'bsf' section (at least server-name and tls)");
        }
        Map<String, YamlNode> m = n.mapping(BSF);
        String serverName = requiredText(n, m, "server-name");
        if (!serverName.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*") || serverName.length() > 253) {
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
                serverName, lifetime, integer(m, "max-contexts", 100_000, 1, 10_000_000), tls);
    }
}

package org.mtcgate.core.config;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.bool;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;
import static org.mtcgate.core.config.ConfigReader.text;

/** Reads the {@code t8:} section for the scef role. */
final class T8ConfigReader {
    private static final Set<String> T8 = Set.of("listen", "public-uri", "tls", "token-key", "token-lifetime", "duplicate-window",
            "max-body", "max-transactions", "clients");
    private static final Set<String> TLS = Set.of("certificate", "key", "trusted-ca", "generate-lab-pki");
    private static final Set<String> CLIENT = Set.of("scs-as-id", "certificate-names", "secret-hash", "scopes");
    private static final Set<String> SCOPES = Set.of("create", "read", "replace", "recall");

    private T8ConfigReader() {
    }

    static T8Config read(YamlNode node, YamlNode rolesNode, Set<Role> roles, Path base, DiameterSettings diameter)
            throws ConfigException {
        if (!roles.contains(Role.SCEF)) {
            if (node != null) {
                throw node.error("there is a 't8' section but the scef role is not in 'roles'");
            }
            return null;
        }
        if (node == null) {
            throw rolesNode.error("the scef role needs a 't8' section (listen, tls, clients)");
        }
        if (!roles.contains(Role.MTC_IWF)) {
            throw rolesNode.error("the scef role hands triggers to the node's MTC-IWF: add mtc-iwf to 'roles'");
        }
        Map<String, YamlNode> m = node.mapping(T8);
        YamlNode listenNode = m.get("listen");
        InetSocketAddress listen = listenNode == null ? new InetSocketAddress("127.0.0.1", 8443) : ConfigReader.address(listenNode);
        URI publicUri;
        try {
            publicUri = new URI(text(m, "public-uri", "https://" + listen.getHostString() + ":" + listen.getPort()));
        } catch (java.net.URISyntaxException e) {
            throw m.get("public-uri").error("is not a URI");
        }
        if (!"https".equals(publicUri.getScheme())) {
            throw (m.containsKey("public-uri") ? m.get("public-uri") : node).error("T8 is served over HTTPS only");
        }
        YamlNode t = m.get("tls");
        if (t == null) {
            throw node.error("T8 needs TLS with client certificates (TS 33.187 5.5.1): give 't8.tls'");
        }
        Map<String, YamlNode> tm = t.mapping(TLS);
        DiameterSettings.TlsFiles tls = new DiameterSettings.TlsFiles(base.resolve(requiredText(t, tm, "certificate")).normalize(),
                base.resolve(requiredText(t, tm, "key")).normalize(), base.resolve(requiredText(t, tm, "trusted-ca")).normalize(),
                bool(tm, "generate-lab-pki", false));
        Path tokenKey = m.containsKey("token-key") ? base.resolve(m.get("token-key").requiredText()).normalize() : null;
        Duration lifetime = duration(m, "token-lifetime", Duration.ofMinutes(5));
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw m.get("token-lifetime").error("must be between 1 s and 1 h: access tokens are short-lived");
        }
        Set<String> diameterHosts = new HashSet<>();
        if (diameter != null) {
            diameter.peers().forEach(p -> diameterHosts.add(p.host().toLowerCase(Locale.ROOT)));
        }
        List<T8Config.Client> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        YamlNode clientsNode = m.get("clients");
        if (clientsNode == null) {
            throw node.error("'clients' is required: the SCS/ASs that may use T8");
        }
        for (YamlNode c : clientsNode.list()) {
            Map<String, YamlNode> cm = c.mapping(CLIENT);
            String id = requiredText(c, cm, "scs-as-id");
            if (!id.matches("[A-Za-z0-9._~-]{1,128}")) {
                throw cm.get("scs-as-id").error("'" + id + "' must be 1 to 128 URL-safe characters");
            }
            if (!ids.add(id)) {
                throw cm.get("scs-as-id").error("'" + id + "' is registered twice");
            }
            if (diameterHosts.contains(id.toLowerCase(Locale.ROOT))) {
                // Triggers are named by SCS and Reference-Number: one name for a Tsp peer and a T8 client would let
                // one recall the other's triggers and send its reports to the wrong place.
                throw cm.get("scs-as-id").error("'" + id + "' is also a Diameter peer: T8 and Tsp names must differ");
            }
            YamlNode names = cm.get("certificate-names");
            if (names == null) {
                throw c.error("'certificate-names' is required: the SAN dNSName or CN of its certificate");
            }
            String hash = requiredText(c, cm, "secret-hash");
            if (!hash.startsWith("pbkdf2-sha256$")) {
                throw cm.get("secret-hash").error("is a pbkdf2-sha256 hash (mtcgate console hash-password), never a secret");
            }
            Set<String> scopes = new LinkedHashSet<>(SCOPES);
            if (cm.containsKey("scopes")) {
                scopes.clear();
                for (YamlNode s : cm.get("scopes").list()) {
                    if (!SCOPES.contains(s.requiredText())) {
                        throw s.error("'" + s.requiredText() + "' is not one of create, read, replace, recall");
                    }
                    scopes.add(s.requiredText());
                }
            }
            clients.add(new T8Config.Client(id, new HashSet<>(names.texts()), hash, scopes));
        }
        return new T8Config(listen, publicUri, tls, tokenKey, lifetime, duration(m, "duplicate-window", Duration.ofSeconds(60)),
                integer(m, "max-body", 16 * 1024, 1024, 1024 * 1024), integer(m, "max-transactions", 100_000, 1, 10_000_000),
                clients);
    }
}

package org.mtcgate.core.config;

import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;
import org.mtcgate.smpp.AddressBlock;
import org.mtcgate.smpp.BindKind;
import org.mtcgate.smpp.SmeAccount;
import org.mtcgate.smpp.TsmsSettings;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.address;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;

/**
 * Reads the {@code tsms} section: where the SMPP server listens (and its TLS files), limits, and each SME with its
 * system_id, password hash ({@code mtcgate smpp hash-password}), the addresses it may bind from, its bind types,
 * its submits a second and the SM addresses it owns.
 */
final class TsmsConfigReader {
    private static final Set<String> TSMS = Set.of("listen", "tls", "default-validity", "max-validity", "bind-timeout",
            "max-connections", "enquire-link", "smes");
    private static final Set<String> TLS = Set.of("certificate", "key");
    private static final Set<String> SME = Set.of("system-id", "password-hash", "allowed-addresses", "bind-types",
            "submits-per-second", "addresses");

    private TsmsConfigReader() {
    }

    static TsmsConfig read(YamlNode node, Path base) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(TSMS);
        InetSocketAddress listen = address(m, "listen", InetSocketAddress.createUnresolved("127.0.0.1", 2775));
        Path certificate = null;
        Path key = null;
        if (m.containsKey("tls")) {
            YamlNode t = m.get("tls");
            Map<String, YamlNode> tm = t.mapping(TLS);
            certificate = base.resolve(requiredText(t, tm, "certificate")).normalize();
            key = base.resolve(requiredText(t, tm, "key")).normalize();
        }
        Duration defaultValidity = duration(m, "default-validity", Duration.ofHours(1));
        Duration maxValidity = duration(m, "max-validity", Duration.ofDays(7));
        if (defaultValidity.isZero() || maxValidity.compareTo(defaultValidity) < 0) {
            throw (m.containsKey("max-validity") ? m.get("max-validity") : node)
                    .error("default-validity must be positive and not above max-validity");
        }
        Duration bindTimeout = duration(m, "bind-timeout", Duration.ofSeconds(5));
        Duration enquireLink = duration(m, "enquire-link", Duration.ofSeconds(30));
        if (bindTimeout.isZero() || enquireLink.isZero()) {
            throw node.error("bind-timeout and enquire-link must be positive");
        }
        if (!m.containsKey("smes")) {
            throw node.error("'smes' is required: the SMEs that may bind");
        }
        List<SmeAccount> smes = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (YamlNode s : m.get("smes").list()) {
            SmeAccount sme = sme(s);
            if (!ids.add(sme.systemId())) {
                throw s.error("system-id " + sme.systemId() + " is given twice");
            }
            smes.add(sme);
        }
        TsmsSettings settings = new TsmsSettings(listen, null, smes, defaultValidity, maxValidity, bindTimeout,
                integer(m, "max-connections", 256, 1, 100_000), enquireLink);
        return new TsmsConfig(settings, certificate, key);
    }

    private static SmeAccount sme(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(SME);
        String systemId = requiredText(node, m, "system-id");
        if (systemId.isEmpty() || systemId.length() > 15) {
            throw m.get("system-id").error("'" + systemId + "' is not a system_id of 1 to 15 characters");
        }
        String hashText = requiredText(node, m, "password-hash");
        PasswordHash hash;
        try {
            hash = PasswordHash.parse(hashText);
        } catch (IllegalArgumentException e) {
            throw m.get("password-hash").error(e.getMessage() + " (make one with: mtcgate smpp hash-password)");
        }
        List<AddressBlock> sources = new ArrayList<>();
        if (!m.containsKey("allowed-addresses")) {
            throw node.error("'allowed-addresses' is required: the IP addresses or CIDR blocks " + systemId + " binds from");
        }
        for (YamlNode a : m.get("allowed-addresses").list()) {
            try {
                sources.add(AddressBlock.parse(a.requiredText()));
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage());
            }
        }
        Set<BindKind> binds = EnumSet.noneOf(BindKind.class);
        if (m.containsKey("bind-types")) {
            for (YamlNode b : m.get("bind-types").list()) {
                try {
                    binds.add(BindKind.parse(b.requiredText()));
                } catch (IllegalArgumentException e) {
                    throw b.error(e.getMessage());
                }
            }
        } else {
            binds.addAll(EnumSet.allOf(BindKind.class));
        }
        List<String> addresses = new ArrayList<>();
        if (!m.containsKey("addresses")) {
            throw node.error("'addresses' is required: the source addresses " + systemId + " submits from");
        }
        for (YamlNode a : m.get("addresses").list()) {
            String address = a.requiredText();
            if (!address.matches("[0-9]{1,15}|[A-Za-z0-9 ]{1,11}")) {
                throw a.error("'" + address + "' is neither an E.164 number nor an alphanumeric address of up to 11 characters");
            }
            addresses.add(address);
        }
        if (sources.isEmpty() || binds.isEmpty() || addresses.isEmpty()) {
            throw node.error("SME " + systemId + " needs at least one allowed address, bind type and SM address");
        }
        return new SmeAccount(systemId, password -> hash.matches(password.toCharArray()), sources, binds,
                integer(m, "submits-per-second", 100, 1, 100_000), addresses);
    }
}

package org.mtcgate.filter.policy;

import org.mtcgate.filter.Zone;
import org.mtcgate.filter.policy.spec.ArrivesFromSpec;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field readers the policy reader's parts share; each refuses a bad value with its file, line and field. */
final class YamlFields {
    private static final Set<String> ARRIVES = Set.of("zone", "peers");

    private YamlFields() {
    }

    /** A number of 1 to 17 digits, an optional leading '+' dropped. */
    static String digitString(YamlNode node) throws ConfigException {
        String t = node.requiredText();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (!t.matches("[0-9]{1,17}")) {
            throw node.error("'" + node.text() + "' is not a number of 1 to 17 digits");
        }
        return t;
    }

    /** The digit strings of a list, or null when the key is absent. */
    static List<String> digitStrings(YamlNode node) throws ConfigException {
        if (node == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode n : node.list()) {
            out.add(digitString(n));
        }
        return out;
    }

    /** As {@link #digitStrings(YamlNode)}, empty when the key is absent. */
    static List<String> digitStringsOrNone(YamlNode node) throws ConfigException {
        List<String> out = digitStrings(node);
        return out == null ? List.of() : out;
    }

    static YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) throws ConfigException {
        YamlNode v = m.get(key);
        if (v == null) {
            throw new ConfigException(parent.source(), parent.line(), parent.path().isEmpty() ? key : parent.path() + "." + key, "is required");
        }
        return v;
    }

    /** Parses 30s, 15m, 1h, 1d. */
    static Duration duration(YamlNode node) throws ConfigException {
        String t = node.requiredText();
        if (!t.matches("[0-9]{1,6}[smhd]")) {
            throw node.error("'" + t + "' is not a period such as 30s, 15m, 1h or 1d");
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** {@code {zone: home|interconnect}} and/or {@code {peers: [name, ...]}}. */
    static ArrivesFromSpec arrivesFrom(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(ARRIVES);
        Set<Zone> zones = EnumSet.noneOf(Zone.class);
        Set<String> peers = new HashSet<>();
        if (m.containsKey("zone")) {
            YamlNode z = m.get("zone");
            try {
                zones.add(Zone.parse(z.requiredText()));
            } catch (IllegalArgumentException e) {
                throw z.error(e.getMessage());
            }
        }
        if (m.containsKey("peers")) {
            for (YamlNode p : m.get("peers").list()) {
                String name = p.requiredText();
                if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
                    throw p.error("'" + name + "' is not a peer name (1..32 of letters, digits, '-' and '_')");
                }
                peers.add(name);
            }
        }
        if (zones.isEmpty() && peers.isEmpty()) {
            throw node.error("arrives-from needs 'zone' (home or interconnect) or 'peers' (a list of ss7 peer names)");
        }
        return new ArrivesFromSpec(zones, peers);
    }
}

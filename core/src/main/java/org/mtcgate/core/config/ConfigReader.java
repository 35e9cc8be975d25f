package org.mtcgate.core.config;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Small typed readers over {@link YamlNode} for the node config: each refuses bad values with file, line and field. */
final class ConfigReader {
    private ConfigReader() {
    }

    static Map<String, YamlNode> section(YamlNode node, Set<String> keys) throws ConfigException {
        return node == null ? Map.of() : node.mapping(keys);
    }

    static String text(Map<String, YamlNode> m, String key, String fallback) throws ConfigException {
        YamlNode n = m.get(key);
        return n == null ? fallback : n.requiredText();
    }

    static String requiredText(YamlNode parent, Map<String, YamlNode> m, String key) throws ConfigException {
        YamlNode n = m.get(key);
        if (n == null) {
            throw new ConfigException(parent.source(), parent.line(), join(parent.path(), key), "is required");
        }
        return n.requiredText();
    }

    static boolean bool(Map<String, YamlNode> m, String key, boolean fallback) throws ConfigException {
        YamlNode n = m.get(key);
        return n == null ? fallback : n.bool();
    }

    static int integer(Map<String, YamlNode> m, String key, int fallback, int min, int max) throws ConfigException {
        YamlNode n = m.get(key);
        return n == null ? fallback : (int) n.integer(min, max);
    }

    /** A path relative to the config file's folder. */
    static Path path(Path base, Map<String, YamlNode> m, String key, Path fallback) throws ConfigException {
        YamlNode n = m.get(key);
        return n == null ? fallback : base.resolve(n.requiredText()).normalize();
    }

    /** host:port, with [v6]:port for IPv6; port 0 picks a free port. */
    static InetSocketAddress address(YamlNode n) throws ConfigException {
        String t = n.requiredText();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw n.error("'" + t + "' is not host:port");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw n.error("'" + t.substring(colon + 1) + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw n.error("port " + port + " is out of range 0 to 65535");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    static InetSocketAddress address(Map<String, YamlNode> m, String key, InetSocketAddress fallback) throws ConfigException {
        YamlNode n = m.get(key);
        return n == null ? fallback : address(n);
    }

    /** 500ms, 30s, 15m, 1h, 1d. */
    static Duration duration(Map<String, YamlNode> m, String key, Duration fallback) throws ConfigException {
        YamlNode n = m.get(key);
        if (n == null) {
            return fallback;
        }
        String t = n.requiredText();
        if (!t.matches("[0-9]{1,9}(ms|s|m|h|d)")) {
            throw n.error("'" + t + "' is not a duration such as 500ms, 30s, 15m, 1h or 1d");
        }
        int unitAt = t.endsWith("ms") ? t.length() - 2 : t.length() - 1;
        long v = Long.parseLong(t.substring(0, unitAt));
        return switch (t.substring(unitAt)) {
            case "ms" -> Duration.ofMillis(v);
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            default -> Duration.ofDays(v);
        };
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

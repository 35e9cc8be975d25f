package org.mtcgate.core.console;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code console:} section of the node's configuration, reporting mistakes with file, line and field:
 *
 * <pre>
 * console:
 *   host: 127.0.0.1            # default 127.0.0.1
 *   port: 2222                 # default 2222; 0 picks a free port
 *   idle-timeout-seconds: 900  # default 900
 *   max-sessions: 8            # default 8
 *   users:
 *     - name: alice
 *       password-hash: "pbkdf2-sha256$600000$...$..."
 *     - name: bob
 *       authorized-keys:
 *         - ssh-ed25519 AAAAC3Nz... bob@laptop
 * </pre>
 */
public final class ConsoleConfigReader {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 2222;
    public static final int DEFAULT_IDLE_SECONDS = 900;
    public static final int DEFAULT_MAX_SESSIONS = 8;
    private static final Set<String> KEYS = Set.of("host", "port", "idle-timeout-seconds", "max-sessions", "users");
    private static final Set<String> USER_KEYS = Set.of("name", "password-hash", "authorized-keys");

    private ConsoleConfigReader() {
    }

    /** The console settings in {@code section}; the host key goes to {@code dataDir}. */
    public static ConsoleConfig read(YamlNode section, Path dataDir) throws ConfigException {
        Map<String, YamlNode> m = section.mapping(KEYS);
        String host = m.containsKey("host") ? m.get("host").requiredText() : DEFAULT_HOST;
        int port = m.containsKey("port") ? (int) m.get("port").integer(0, 65535) : DEFAULT_PORT;
        long idle = m.containsKey("idle-timeout-seconds")
                ? m.get("idle-timeout-seconds").integer(1, 7 * 24 * 3600) : DEFAULT_IDLE_SECONDS;
        int max = m.containsKey("max-sessions") ? (int) m.get("max-sessions").integer(1, 1000) : DEFAULT_MAX_SESSIONS;
        if (!m.containsKey("users")) {
            throw section.error("no users: nobody could log in to the console");
        }
        List<ConsoleUser> users = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (YamlNode u : m.get("users").list()) {
            ConsoleUser user = user(u);
            if (names.contains(user.name())) {
                throw u.error("user '" + user.name() + "' appears twice");
            }
            names.add(user.name());
            users.add(user);
        }
        if (users.isEmpty()) {
            throw m.get("users").error("no users: nobody could log in to the console");
        }
        return new ConsoleConfig(host, port, dataDir, Duration.ofSeconds(idle), max, users);
    }

    private static ConsoleUser user(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(USER_KEYS);
        if (!m.containsKey("name")) {
            throw node.error("a user needs a name");
        }
        String name = m.get("name").requiredText();
        if (!m.containsKey("password-hash") && !m.containsKey("authorized-keys")) {
            throw node.error("user '" + name + "' needs a password-hash or authorized-keys");
        }
        try {
            ConsoleUser user = null;
            if (m.containsKey("password-hash")) {
                user = ConsoleUser.withPassword(name, PasswordHash.parse(m.get("password-hash").requiredText()));
            }
            if (m.containsKey("authorized-keys")) {
                List<String> keys = m.get("authorized-keys").texts();
                user = user == null ? ConsoleUser.withAuthorizedKeys(name, keys) : user.plusAuthorizedKeys(keys);
            }
            return user;
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}

package org.mtcgate.core.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the SSH console listens and whom it lets in.
 *
 * @param host        address to bind, such as {@code 127.0.0.1}
 * @param port        TCP port; 0 picks a free one (see {@link ConsoleServer#port()})
 * @param dataDir     where the host key is generated on first start and kept, so clients see the same key
 * @param idleTimeout a session without traffic for this long is closed
 * @param maxSessions connections allowed at once, all users together
 * @param users       who may log in
 */
public record ConsoleConfig(String host, int port, Path dataDir, Duration idleTimeout, int maxSessions,
                            List<ConsoleUser> users) {
    /** The host key file's name in the data directory. */
    public static final String HOST_KEY_FILE = "console-host-key";

    public ConsoleConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        users = List.copyOf(users);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console port " + port + " is not 0 to 65535");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("console idle timeout must be positive, not " + idleTimeout);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("console max sessions must be at least 1, not " + maxSessions);
        }
        Set<String> names = new HashSet<>();
        for (ConsoleUser u : users) {
            if (!names.add(u.name())) {
                throw new IllegalArgumentException("console user '" + u.name() + "' is configured twice");
            }
        }
    }

    public Path hostKeyFile() {
        return dataDir.resolve(HOST_KEY_FILE);
    }
}

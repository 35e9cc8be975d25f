package org.mtcgate.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code logging:} section: levels, where lines go.
 *
 * @param rootLevel  the level of every logger no component names ({@code logging.level}, default {@code info})
 * @param components a level per component ({@link LogComponents}), e.g. {@code diameter: debug}
 * @param console    lines to standard error (default on)
 * @param file       a rotated log file, or null for none
 */
public record LoggingSettings(String rootLevel, Map<String, String> components, boolean console, LogFile file) {
    /** No {@code logging:} section: what log4j2.xml says, on standard error. */
    public static final LoggingSettings DEFAULT = new LoggingSettings(null, Map.of(), true, null);

    public LoggingSettings {
        components = Map.copyOf(components);
    }

    /**
     * @param path     the active file; rotated ones are {@code <path>.1} (newest) to {@code <path>.<maxFiles>}
     * @param maxBytes rotate once the file passes this size
     * @param maxFiles rotated files kept besides the active one
     */
    public record LogFile(Path path, long maxBytes, int maxFiles) {
    }
}

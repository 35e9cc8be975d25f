package org.mtcgate.core.config;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.bool;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;

/**
 * Reads {@code logging:}
 * <pre>
 * logging:
 *   level: info                       # every logger no component names
 *   components: {diameter: debug, jss7: error}
 *   console: true                     # standard error
 *   file: {path: log/mtcgate.log, max-size: 50MB, max-files: 10}
 * </pre>
 */
final class LoggingSettingsReader {
    private static final Set<String> LOGGING = Set.of("level", "components", "console", "file");
    private static final Set<String> FILE = Set.of("path", "max-size", "max-files");
    static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    static final int DEFAULT_MAX_FILES = 10;

    private LoggingSettingsReader() {
    }

    static LoggingSettings read(YamlNode n, Path base) throws ConfigException {
        if (n == null) {
            return LoggingSettings.DEFAULT;
        }
        Map<String, YamlNode> m = n.mapping(LOGGING);
        String root = m.containsKey("level") ? level(m.get("level")) : null;
        Map<String, String> components = new LinkedHashMap<>();
        if (m.containsKey("components")) {
            for (Map.Entry<String, YamlNode> e : m.get("components").mapping(Set.copyOf(LogComponents.names())).entrySet()) {
                components.put(e.getKey(), level(e.getValue()));
            }
        }
        boolean console = bool(m, "console", true);
        LoggingSettings.LogFile file = null;
        if (m.containsKey("file")) {
            YamlNode f = m.get("file");
            Map<String, YamlNode> fm = f.mapping(FILE);
            Path path = base.resolve(requiredText(f, fm, "path")).normalize();
            long maxBytes = fm.containsKey("max-size") ? size(fm.get("max-size")) : DEFAULT_MAX_BYTES;
            file = new LoggingSettings.LogFile(path, maxBytes, integer(fm, "max-files", DEFAULT_MAX_FILES, 1, 1000));
        }
        if (!console && file == null) {
            throw m.get("console").error("with 'console: false' and no 'file' the node would log nowhere: give logging.file");
        }
        return new LoggingSettings(root, components, console, file);
    }

    private static String level(YamlNode n) throws ConfigException {
        String text = n.requiredText();
        String level = LogComponents.level(text);
        if (level == null) {
            throw n.error("'" + text + "' is not a level (one of " + String.join(", ", LogComponents.LEVELS) + ")");
        }
        return level;
    }

    /** 512KB, 50MB, 1GB: at least 1KB. */
    private static long size(YamlNode n) throws ConfigException {
        String t = n.requiredText();
        if (!t.matches("[0-9]{1,7}(KB|MB|GB)")) {
            throw n.error("'" + t + "' is not a size such as 512KB, 50MB or 1GB");
        }
        long v = Long.parseLong(t.substring(0, t.length() - 2));
        long bytes = v * switch (t.substring(t.length() - 2)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            default -> 1024L * 1024 * 1024;
        };
        if (bytes < 1024) {
            throw n.error("a log file of " + t + " would rotate at every line: give at least 1KB");
        }
        return bytes;
    }
}

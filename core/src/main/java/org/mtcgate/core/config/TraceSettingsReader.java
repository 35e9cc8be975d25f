package org.mtcgate.core.config;

import org.mtcgate.core.capture.CaptureFilter;
import org.mtcgate.core.capture.CaptureSettings;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code trace}: a signalling capture written from the node's start, as the console's {@code trace pcap} writes
 * one ({@code pcap}: the pcapng file, replaced at each start; {@code filter}: the console's filter words;
 * {@code max-size-mb}, {@code max-packets}: where it ends by itself).
 */
final class TraceSettingsReader {
    private static final Set<String> TRACE = Set.of("pcap", "filter", "max-size-mb", "max-packets");

    private TraceSettingsReader() {
    }

    /** Null when the section is absent. */
    static CaptureSettings read(YamlNode n, Path base) throws ConfigException {
        if (n == null) {
            return null;
        }
        Map<String, YamlNode> m = n.mapping(TRACE);
        Path file = ConfigReader.path(base, m, "pcap", null);
        if (file == null) {
            throw new ConfigException(n.source(), n.line(), "trace.pcap", "is required: the pcapng file to write");
        }
        CaptureFilter filter = CaptureFilter.ALL;
        if (m.containsKey("filter")) {
            String words = m.get("filter").requiredText().trim();
            try {
                filter = CaptureFilter.parse(words.isEmpty() ? List.of() : Arrays.asList(words.split("\\s+")));
            } catch (IllegalArgumentException e) {
                throw m.get("filter").error(e.getMessage());
            }
        }
        long maxBytes = ConfigReader.integer(m, "max-size-mb", (int) (CaptureSettings.DEFAULT_MAX_BYTES >> 20), 1, 1_000_000)
                * 1024L * 1024L;
        long maxPackets = ConfigReader.integer(m, "max-packets", (int) CaptureSettings.DEFAULT_MAX_PACKETS, 1, Integer.MAX_VALUE);
        return new CaptureSettings(file, filter, maxBytes, maxPackets);
    }
}

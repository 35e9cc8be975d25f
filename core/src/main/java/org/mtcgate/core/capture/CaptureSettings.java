package org.mtcgate.core.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One capture: where it goes, what it keeps, and when it stops by itself.
 *
 * @param maxBytes   the file stops growing at this size (the capture ends)
 * @param maxPackets the capture ends after this many packets
 */
public record CaptureSettings(Path file, CaptureFilter filter, long maxBytes, long maxPackets) {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_MAX_PACKETS = 1_000_000;

    public CaptureSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(filter, "filter");
        if (maxBytes <= 0 || maxPackets <= 0) {
            throw new IllegalArgumentException("capture limits must be positive");
        }
    }

    public CaptureSettings(Path file, CaptureFilter filter) {
        this(file, filter, DEFAULT_MAX_BYTES, DEFAULT_MAX_PACKETS);
    }
}

package org.mtcgate.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit the build wrote into {@code build.properties} beside this class, for
 * {@code mtcgate --version} and the console's {@code show version}; "unknown" for whatever the build could not
 * know, so asking never fails.
 */
public final class BuildInfo {
    static final String UNKNOWN = "unknown";

    private BuildInfo() {
    }

    /** "0.1.0 (commit 1a2b3c4d5e6f)", with "unknown" in place of what the build did not record. */
    public static String describe() {
        return version() + " (commit " + commit() + ")";
    }

    /** The version, or "unknown". */
    public static String version() {
        return known(read().getProperty("version"));
    }

    /** The git commit, or "unknown". */
    public static String commit() {
        return known(read().getProperty("commit"));
    }

    private static Properties read() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // Unreadable is as good as absent: both say unknown.
        }
        return build;
    }

    /** A value the build did not fill in is missing or still a ${...} placeholder. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}

package org.mtcgate.core.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit the build wrote into {@code build.properties} beside this class; "unknown" for
 * whatever the build could not know, so asking for the version never fails.
 */
final class Version implements CommandLine.IVersionProvider {
    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // Unreadable is as good as absent: the version line says unknown.
        }
        return new String[] {"mtcgate " + known(build.getProperty("version")) + " (commit " + known(build.getProperty("commit")) + ")"};
    }

    /** A value the build did not fill in stays a ${...} placeholder or is missing. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}

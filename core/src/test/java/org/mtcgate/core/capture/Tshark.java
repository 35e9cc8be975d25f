package org.mtcgate.core.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads a capture file with tshark. tshark is a test prerequisite (CI installs it): without it the test fails, it is
 * never skipped, since a capture nobody decoded proves nothing.
 */
public final class Tshark {
    private Tshark() {
    }

    /** tshark -r file [args]: its standard output; fails the test when tshark is missing or fails. */
    public static String read(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            fail("tshark is required to decode captures (install it: apt-get install -y tshark): " + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark finished");
        assertTrue(p.exitValue() == 0, "tshark " + command + " exit " + p.exitValue() + ": " + out);
        return out;
    }

    /** The lines of {@code -T fields} output for the given fields (tab-separated values per packet). */
    public static List<String> fields(Path file, String filter, String... fields) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-o", "sctp.checksum:CRC-32C", "-T", "fields", "-E", "separator=|"));
        if (filter != null) {
            args.addAll(List.of("-Y", filter));
        }
        for (String f : fields) {
            args.addAll(List.of("-e", f));
        }
        String out = read(file, args.toArray(String[]::new));
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }
}

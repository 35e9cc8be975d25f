package org.mtcgate.smpp;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code src/test/node/sme.js}, an SME on the npm smpp package, as an external process, and reads what it
 * printed. Without node or the package (installed by {@code .ci/run} with npm ci) the test fails under CI=true and
 * is aborted as skipped elsewhere, with the reason.
 */
public final class NodeSme {
    /** The script's folder, from this module or from a sibling module's tests (the lab's node tests). */
    static final Path DIR = Files.isDirectory(Path.of("src/test/node")) && Files.exists(Path.of("src/test/node/sme.js"))
            ? Path.of("src/test/node") : Path.of("../smpp-tsms/src/test/node");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

    /** One line the SME printed, as field name to value. */
    public record Event(java.util.Map<String, String> fields) {
        public String event() {
            return fields.get("event");
        }

        public int status() {
            return Integer.parseInt(fields.get("status"));
        }

        public String get(String name) {
            return fields.get(name);
        }
    }

    private NodeSme() {
    }

    public static void requireAvailable() {
        boolean installed = Files.isRegularFile(DIR.resolve("node_modules/smpp/package.json"));
        boolean node = run(List.of("node", "--version"), 10).exit == 0;
        if (installed && node) {
            return;
        }
        String why = !node ? "node is not on the PATH" : "the npm smpp package is not installed in " + DIR + " (npm ci there)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " -- CI=true, so this check fails instead of being skipped");
        }
        Assumptions.abort(why + " -- the SMPP interop check did NOT run (skipped)");
    }

    /** Runs one scenario (JSON) and returns the events in order. */
    public static List<Event> run(String scenario) {
        requireAvailable();
        return events(run(List.of("node", "sme.js", scenario), 40));
    }

    /** A scenario running in the background (an SME that waits for deliver_sm), until {@link #finish}. */
    public static final class Running {
        private final Process process;
        private final Path out;

        private Running(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        /** Waits for the SME to end (at most 40 s) and returns what it printed. */
        public List<Event> finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                return events(new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    public static Running start(String scenario) throws IOException {
        requireAvailable();
        Path out = Files.createTempFile("mtcgate-sme", ".out");
        Process p = new ProcessBuilder("node", "sme.js", scenario).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        return new Running(p, out);
    }

    private static List<Event> events(Ran ran) {
        List<Event> events = new ArrayList<>();
        for (String line : ran.output.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            }
            events.add(new Event(fields));
        }
        if (events.stream().noneMatch(e -> "done".equals(e.event()))) {
            fail("the SME did not finish: " + ran.output);
        }
        return events;
    }

    public static Event first(List<Event> events, String name) {
        return events.stream().filter(e -> name.equals(e.event())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + events));
    }

    public static List<Event> all(List<Event> events, String name) {
        return events.stream().filter(e -> name.equals(e.event())).toList();
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(List<String> command, int seconds) {
        try {
            Path out = Files.createTempFile("mtcgate-sme", ".out");
            try {
                Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return new Ran(-1, "timed out: " + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Ran(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(-1, "interrupted");
        }
    }
}

package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs external programs (tshark, ip, freeDiameterd) with bounded time, and decides what a missing one means:
 * with {@code CI=true} the test fails (an interop check must never silently pass); elsewhere it is aborted as
 * skipped with the reason.
 */
final class ExternalTool {
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private ExternalTool() {
    }

    /** Runs a command to completion (at most 30 s), output and errors together. Exit -1 if it cannot start. */
    static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("mtcgate-tool", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, String.join(" ", command) + ": timed out");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static Result run(String... command) {
        return run(List.of(command));
    }

    /** Fails under CI, else aborts the test as skipped, when the tool the check needs is not usable. */
    static void require(boolean usable, String why) {
        if (usable) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " -- CI=true, so this interoperability check fails instead of being skipped");
        }
        Assumptions.abort(why + " -- interoperability NOT checked (skipped)");
    }
}

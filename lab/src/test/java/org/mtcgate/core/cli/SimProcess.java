package org.mtcgate.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One {@code mtcgate sim ...} in a JVM of its own, on this test's class path; its output lines are kept. */
final class SimProcess implements AutoCloseable {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    final CompletableFuture<Void> ended = new CompletableFuture<>();

    private SimProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            ended.complete(null);
        }, "sim-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static SimProcess start(Path log, String... args) throws IOException {
        return start(List.of(), log, args);
    }

    /** As above, with options for the JVM. */
    static SimProcess start(List<String> jvmOptions, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mtcgate.core.cli.MtcGate", "sim"));
        cmd.addAll(List.of(args));
        return new SimProcess(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    /** The next output line starting with {@code prefix}, waiting at most {@code seconds}. */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no line starting '" + prefix + "' within " + seconds + " s; output:\n" + output);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    String output() {
        return output.toString();
    }

    /** SIGTERM, as Ctrl-C: the sim stops its stack; returns the exit status. */
    int stop() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its stdout, losing what it prints last.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the sim did not stop within 30 s on SIGTERM:\n" + output);
        }
        try {
            ended.get(10, TimeUnit.SECONDS); // every line it printed has been read
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("its output did not end", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

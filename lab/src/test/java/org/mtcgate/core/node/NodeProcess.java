package org.mtcgate.core.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The node run through its real entry point ({@code mtcgate node}) in a JVM of its own, on this test's class
 * path; {@link #ready} completes when it prints that it runs.
 */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuffer output = new StringBuffer();

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("stop with Ctrl-C")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            ready.completeExceptionally(new IllegalStateException("the node ended before it ran:\n" + output));
        }, "node-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(Path config, Path logFile) throws IOException {
        return start(config, logFile, List.of());
    }

    /** With options for the JVM, such as the log4j configuration to use. */
    static NodeProcess start(Path config, Path logFile, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.mtcgate.core.cli.MtcGate");
        cmd.add("node");
        cmd.add("-c");
        cmd.add(config.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        return new NodeProcess(pb.start());
    }

    String output() {
        return output.toString();
    }

    /** Waits for the process to end by itself; its exit status. */
    int exitStatus(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node is still running:\n" + output);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no DPR, nothing flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

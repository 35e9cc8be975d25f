package org.mtcgate.core.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The node run through its real entry point ({@code mtcgate node}) in a JVM of its own, on this test's class
 * path; {@link #ready} completes when it prints that it runs. Any other {@code mtcgate} command runs the same way
 * ({@link #command}). Public for the lab tests of other packages that run nodes as processes.
 */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    public final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuffer output = new StringBuffer();
    /** Completes when every line the process printed has been read. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private NodeProcess(Process process) {
        this(process, "stop with Ctrl-C");
    }

    private NodeProcess(Process process, String readyPrefix) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith(readyPrefix)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            ready.completeExceptionally(new IllegalStateException("the process ended before it ran:\n" + output));
            ended.complete(null);
        }, "node-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static NodeProcess start(Path config, Path logFile) throws IOException {
        return start(config, logFile, List.of());
    }

    /** With options for the JVM, such as the log4j configuration to use. */
    public static NodeProcess start(Path config, Path logFile, List<String> jvmOptions) throws IOException {
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

    /** {@code mtcgate <args>} in a JVM of its own; {@link #ready} completes at the first line starting with {@code readyPrefix}. */
    public static NodeProcess command(List<String> args, String readyPrefix, Path logFile) throws IOException {
        return command(List.of(), args, readyPrefix, logFile);
    }

    /** As above, with options for the JVM. */
    public static NodeProcess command(List<String> jvmOptions, List<String> args, String readyPrefix, Path logFile)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.mtcgate.core.cli.MtcGate");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        return new NodeProcess(pb.start(), readyPrefix);
    }

    public String output() {
        return output.toString();
    }

    /** Waits for the process to end by itself and for its last line to be read; its exit status. */
    public int exitStatus(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node is still running:\n" + output);
        }
        try {
            ended.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("its output did not end:\n" + output, e);
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

package org.mtcgate.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release archive as an operator meets it: unpacked with tar, run through its own launcher with nothing of the
 * build on the class path, stopped with SIGTERM as systemd stops it, and its systemd unit checked by systemd itself.
 */
class ReleaseArchiveTest {
    private static final String VERSION = System.getProperty("mtcgate.version");
    private static Path home;

    @TempDir
    static Path unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("mtcgate.archive"));
        assertTrue(Files.isRegularFile(archive), "mvn package made " + archive);
        Run tar = run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), unpacked, 60);
        assertEquals(0, tar.status, tar.output);
        home = unpacked.resolve("mtcgate-" + VERSION);
    }

    @Test
    void holdsTheLauncherTheLibrariesTheConfigAndTheUnit() throws IOException {
        Path launcher = home.resolve("bin/mtcgate");
        assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE), "bin/mtcgate is executable");
        for (String f : List.of("config/mtcgate.yaml", "config/policy.yaml", "config/subscribers.yaml", "systemd/mtcgate.service",
                "docs/configuration.md", "LICENSE", "README.md")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            List<String> names = libs.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("org.mtcgate.core-" + VERSION + ".jar"), "the node: " + names);
            assertTrue(names.contains("org.mtcgate.lab-" + VERSION + ".jar"), "the lab tools: " + names);
            assertTrue(names.stream().anyMatch(n -> n.startsWith("io.netty.netty-handler-")), "its libraries: " + names);
            assertTrue(names.stream().noneMatch(n -> n.contains("junit") || n.contains("-tests")), "no test jars: " + names);
        }
    }

    @Test
    void printsItsVersionAndChecksItsOwnSampleConfig() throws Exception {
        Run version = run(List.of(home.resolve("bin/mtcgate").toString(), "--version"), unpacked, 60);
        assertEquals(0, version.status, version.output);
        assertTrue(version.output.contains(VERSION), version.output);
        // No --config: the launcher's home gives config/mtcgate.yaml, as the README's first command does.
        Run check = run(List.of(home.resolve("bin/mtcgate").toString(), "node", "--check"), unpacked, 60);
        assertEquals(0, check.status, check.output);
        assertTrue(check.output.contains("mtc-iwf"), check.output);
    }

    /** SIGTERM ends the node with 143 (the unit's SuccessExitStatus) after exactly one stopping and one stopped line. */
    @Test
    void runsAndStopsCleanlyOnSigterm(@TempDir Path work) throws Exception {
        Files.copy(home.resolve("config/policy.yaml"), work.resolve("policy.yaml"));
        Files.copy(home.resolve("config/subscribers.yaml"), work.resolve("subscribers.yaml"));
        for (String list : List.of("fleet-meters.msisdn")) {
            Files.copy(home.resolve("config").resolve(list), work.resolve(list));
        }
        // Port 0 everywhere: nothing this test binds can clash with another process on the machine.
        Files.writeString(work.resolve("mtcgate.yaml"), """
                node: {name: packaged, data-dir: data}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: hss.operator.example.net
                  listen: 127.0.0.1:0
                  tls: {certificate: data/pki/hss.operator.example.net.crt, key: data/pki/hss.operator.example.net.key,
                        trusted-ca: data/pki/ca.crt, generate-lab-pki: true}
                """);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mtcgate").toString(), "node", "--config", "mtcgate.yaml")
                .directory(work.toFile()).redirectErrorStream(true);
        Process node = pb.start();
        StringBuilder out = new StringBuilder();
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    if (line.startsWith("stop with Ctrl-C")) {
                        running.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            running.completeExceptionally(new IllegalStateException("the node ended before it ran"));
        }, "packaged-node-output");
        reader.start();
        try {
            running.get(120, TimeUnit.SECONDS);
            // SIGTERM through the handle: Process.destroy() would also close the pipe the last lines come through.
            node.toHandle().destroy();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s");
            reader.join(10_000);
            String text;
            synchronized (out) {
                text = out.toString();
            }
            assertEquals(143, node.exitValue(), text);
            assertEquals(1, count(text, "mtcgate node 'packaged' stopping"), text);
            assertEquals(1, count(text, "mtcgate node 'packaged' stopped"), text);
            assertTrue(text.indexOf("stopping") < text.indexOf("' stopped"), text);
            assertTrue(Files.isRegularFile(work.resolve("data/pki/ca.crt")), "the lab PKI came from the archive's lab jar");
        } finally {
            node.destroyForcibly();
        }
    }

    /** systemd's own reading of the unit, with ExecStart pointed at the unpacked launcher. */
    @Test
    void theSystemdUnitVerifies(@TempDir Path work) throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze (systemd) is not installed: the unit is not verified");
        String unit = Files.readString(home.resolve("systemd/mtcgate.service"))
                .replace("/opt/mtcgate/bin/mtcgate", home.resolve("bin/mtcgate").toString());
        assertTrue(unit.contains("SuccessExitStatus=143"), "SIGTERM's exit status is a clean stop");
        Path copy = work.resolve("mtcgate.service");
        Files.writeString(copy, unit);
        Run verify = run(List.of("systemd-analyze", "verify", copy.toString()), work, 60);
        // Only the unit's own problems count: verify also reports the host's units, which are not ours.
        List<String> ours = verify.output.lines().filter(l -> l.contains("mtcgate.service")).toList();
        assertTrue(ours.isEmpty(), "systemd-analyze verify: " + verify.output);
    }

    private static int count(String text, String line) {
        return (int) text.lines().filter(l -> l.contains(line)).count();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> cmd, Path dir, int seconds) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not end in " + seconds + " s");
        }
        return new Run(p.exitValue(), text.get(10, TimeUnit.SECONDS));
    }
}

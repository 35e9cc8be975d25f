package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as an operator meets it: {@code --version}, {@code node --check}, one-line errors for bad
 * arguments, and paths relative to where the command is run.
 */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MtcGate.commandLine();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path validConfig() throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  fleet: {msisdn-files: [fleet.msisdn]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1], grants: [{kinds: [trigger], to: [fleet]}]}
                """);
        Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n");
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        Path config = dir.resolve("mtcgate.yaml");
        Files.writeString(config, """
                node: {name: checked, data-dir: data}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter: {identity: hss.operator.test, insecure-lab: true}
                """);
        return config;
    }

    @Test
    void versionNamesTheVersionAndTheCommitOrSaysUnknown() {
        Run r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("mtcgate \\S+ \\(commit ([0-9a-f]{7,40}|unknown)\\)\\R"), r.out());
        assertFalse(r.out().contains("${"), "no unfilled placeholder: " + r.out());
    }

    @Test
    void checkAcceptsAGoodConfigWithoutStartingAnything() throws Exception {
        Path config = validConfig();
        Run r = run("node", "--check", config.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("config OK: " + config), r.out());
        assertTrue(r.out().contains("policy " + dir.resolve("policy.yaml") + " OK"), r.out());
        assertFalse(Files.exists(dir.resolve("data")), "nothing opened, nothing created");
        assertEquals(0, run("node", "-c", config.toString(), "--check").exit(), "or the -c config");
    }

    @Test
    void checkRefusesWithFileLineAndFieldOfTheConfigOrAFileItNames() throws Exception {
        Path config = validConfig();
        Files.writeString(config, Files.readString(config).replace("roles: [hss]", "roles: [hss, nonsense]"));
        Run bad = run("node", "--check", config.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("config refused: " + config + ":2: roles"), bad.err());

        validConfig();
        Files.writeString(dir.resolve("policy.yaml"), Files.readString(dir.resolve("policy.yaml")).replace("fleet.msisdn", "gone.msisdn"));
        Run list = run("node", "--check", config.toString());
        assertEquals(1, list.exit());
        assertTrue(list.err().startsWith("config refused: " + dir.resolve("policy.yaml") + ":3:"), list.err());
        assertTrue(list.err().contains("gone.msisdn"), list.err());

        validConfig();
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers:\n  - {imsi: \"12\"}\n");
        Run subs = run("node", "--check", config.toString());
        assertEquals(1, subs.exit());
        assertTrue(subs.err().startsWith("config refused: " + dir.resolve("subscribers.yaml") + ":2:"), subs.err());
    }

    @Test
    void badArgumentsAreOneLineWithoutAStackTrace() {
        Run unknown = run("node", "--no-such-option");
        assertEquals(2, unknown.exit());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("mtcgate node: Unknown option: '--no-such-option' (see mtcgate node --help)"),
                unknown.err());
        Run word = run("frobnicate");
        assertEquals(2, word.exit());
        assertEquals(1, word.err().lines().count(), word.err());
        assertFalse(word.err().contains("\tat "), word.err());
    }

    @Test
    void aRelativeConfigPathIsTheCallersNotTheInstallations() throws Exception {
        validConfig();
        Path err = dir.resolve("stderr.txt");
        Path out = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmtcgate.home=" + dir.resolve("elsewhere"), "-cp", System.getProperty("java.class.path"),
                MtcGate.class.getName(), "node", "--check", "mtcgate.yaml")
                .directory(dir.toFile()).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertTrue(Files.readString(out).startsWith("config OK: mtcgate.yaml"), Files.readString(out));
    }

    /** scripts/mtcgate runs java where it was called, and tells it the installation for its defaults. */
    @Test
    void theScriptKeepsTheCallersWorkingDirectory() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/mtcgate");
        Path root = dir.resolve("install");
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(script, root.resolve("scripts/mtcgate"));
        for (String jar : List.of("core/target/mtcgate.jar", "lab/target/mtcgate-lab.jar")) {
            Files.createDirectories(root.resolve(jar).getParent());
            Files.writeString(root.resolve(jar), "");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\npwd\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path caller = Files.createDirectories(dir.resolve("caller"));

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("scripts/mtcgate").toString(), "node", "--check", "my.yaml")
                .directory(caller.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> lines = printed.lines().toList();
        assertEquals(caller.toRealPath().toString(), lines.get(0), printed);
        assertTrue(lines.contains("-Dmtcgate.home=" + root.toRealPath()), printed);
        assertEquals(List.of("node", "--check", "my.yaml"), lines.subList(lines.size() - 3, lines.size()), printed);
    }
}

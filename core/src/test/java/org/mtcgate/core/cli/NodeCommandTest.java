package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mtcgate node} through its real entry point, in a JVM of its own: a config it cannot use and a port that
 * is taken end the process with status 1 and one clear line, never a stack trace alone.
 */
class NodeCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String stderr) {
    }

    private Run node(Path config) throws IOException, InterruptedException {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MtcGate.class.getName(), "node", "-c", config.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the node process ended by itself");
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path config(String yaml) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\n");
        Path c = dir.resolve("mtcgate.yaml");
        Files.writeString(c, yaml);
        return c;
    }

    @Test
    void aBadConfigNamesFileLineAndField() throws Exception {
        Path c = config("""
                roles: [sms-router]
                policy: policy.yaml
                ss7:
                  local-gt: "4917x"
                  association: {local: "127.0.0.1:1", remote: "127.0.0.1:2"}
                """);
        Run run = node(c);
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("config refused: " + c + ":4: ss7.local-gt: '4917x' is not an E.164 global title"),
                run.stderr());
    }

    @Test
    void aMissingConfigFileIsNamed() throws Exception {
        Run run = node(dir.resolve("nowhere.yaml"));
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("config refused: " + dir.resolve("nowhere.yaml") + ": no such file"), run.stderr());
    }

    @Test
    void aTakenPortStopsTheStartWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
            Path c = config("""
                    node: {data-dir: data}
                    roles: [mtc-iwf, hss]
                    policy: policy.yaml
                    subscribers: subscribers.yaml
                    diameter: {identity: mtc-iwf.lab.test, listen: "127.0.0.1:%d", insecure-lab: true}
                    mtc-iwf: {t4: {host: smsc.lab.test, sme-address: "4930123456"}}
                    """.formatted(taken.getLocalPort()));
            Run run = node(c);
            assertEquals(1, run.exit(), run.stderr());
            List<String> lines = run.stderr().lines().filter(l -> l.startsWith("node not started: ")).toList();
            assertEquals(1, lines.size(), run.stderr());
            assertTrue(lines.get(0).contains("127.0.0.1:" + taken.getLocalPort()) && lines.get(0).contains("in use"), lines.get(0));
        }
    }

    /** The lab CA is in the lab jar, not in the node's: without it, generate-lab-pki stops the start and says why. */
    @Test
    void generateLabPkiWithoutTheLabJarIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        Path c = config("""
                node: {data-dir: data}
                roles: [mtc-iwf, hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.lab.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.lab.test.crt, key: pki/mtc-iwf.lab.test.key, trusted-ca: pki/ca.crt,
                        generate-lab-pki: true}
                mtc-iwf: {t4: {host: smsc.lab.test, sme-address: "4930123456"}}
                """);
        Run run = node(c);
        assertEquals(1, run.exit(), run.stderr());
        List<String> lines = run.stderr().lines().filter(l -> l.startsWith("node not started: ")).toList();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.get(0).contains("diameter.tls.generate-lab-pki") && lines.get(0).contains("mtcgate-lab.jar"),
                lines.get(0));
        assertTrue(Files.notExists(dir.resolve("pki/ca.crt")), "no CA made");
    }
}

package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real command line in-process against the sample policy and against broken ones. */
class PolicyCommandTest {
    static final String SAMPLE = Path.of("..", "config", "policy.yaml").toString();

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MtcGate.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void checkAcceptsTheSamplePolicy() {
        Run r = run("policy", "check", SAMPLE);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("policy OK"), r.out());
        assertTrue(r.out().contains("scs-utility on [TSP]: trigger->[fleet-meters] rate 50.0/s burst 100 quota 100000 per 1d"), r.out());
    }

    @Test
    void checkRefusesABadPolicyNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nsenders:\n  - id: x\n    ingress: [tsp]\n    identity: scs\n");
        Run r = run("policy", "check", bad.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("policy refused: " + bad + ":5: senders[0].identity: unknown key"), r.err());
    }

    @Test
    void explainShowsTheRulePath() {
        Run allowed = run("policy", "explain", SAMPLE, "--ingress", "tsp", "--from", "scs1.utility.example.com",
                "--to-msisdn", "491701012345");
        assertEquals(0, allowed.status(), allowed.err());
        assertTrue(allowed.out().contains("grant scs-utility/meters (to fleet-meters) covers the target UE"), allowed.out());
        assertTrue(allowed.out().trim().endsWith("ALLOW scs-utility/meters Request-Status SUCCESS (0)"), allowed.out());

        Run foreign = run("policy", "explain", SAMPLE, "--ingress", "router-mt", "--from", "33612000000",
                "--via-gt", "33612000000", "--to-imsi", "262015500000001", "--pid", "0x48");
        assertTrue(foreign.out().trim().endsWith("BLOCK router-foreign-trigger Request-Status NOTAUTHORIZED (105)"), foreign.out());
        assertTrue(foreign.out().contains("26201**********"), "IMSI masked in explanations: " + foreign.out());

        Run ota = run("policy", "explain", SAMPLE, "--ingress", "router-mt", "--from", "491720000100",
                "--via-gt", "491720000100", "--tp-oa", "491729990000", "--to-imsi", "262015500000001", "--pid", "127",
                "--link", "home-smsc:home");
        assertTrue(ota.out().trim().endsWith("ALLOW home-network.ota-platform.router Request-Status SUCCESS (0)"), ota.out());

        Run spoofed = run("policy", "explain", SAMPLE, "--ingress", "router-mt", "--from", "491720000100",
                "--via-gt", "491720000100", "--tp-oa", "491729990000", "--to-imsi", "262015500000001", "--pid", "127",
                "--link", "intl-gw:interconnect");
        assertTrue(spoofed.out().contains("arrived on link intl-gw (interconnect)"), spoofed.out());
        assertTrue(spoofed.out().trim().endsWith("BLOCK spoofed-home-gt Request-Status NOTAUTHORIZED (105)"), spoofed.out());
    }

    @Test
    void explainRefusesAMalformedSample() {
        Run r = run("policy", "explain", SAMPLE, "--ingress", "tsp", "--from", "scs", "--to-ext-id", "no-at-sign");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("External-Identifier 'no-at-sign' is not of the form local@domain"), r.err());
        Run ingress = run("policy", "explain", SAMPLE, "--ingress", "gn", "--from", "scs");
        assertEquals(2, ingress.status());
        assertTrue(ingress.err().contains("unknown ingress 'gn'"), ingress.err());
    }
}

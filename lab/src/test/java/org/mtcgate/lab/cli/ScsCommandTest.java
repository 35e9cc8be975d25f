package org.mtcgate.lab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.cli.MtcGate;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.lab.pki.LabPki;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mtcgate scs trigger} against a real node on 127.0.0.1 that will not take it, for each reason: the CEA refuses
 * the SCS (3010), the node's certificate is from an untrusted CA, expired or names another host, the node is down,
 * and a listener that never answers. Each is named in one line; permanent ones end at once.
 */
class ScsCommandTest {
    static final String NODE = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String STRANGER = "scs2.utility.test";

    @TempDir
    Path dir;
    Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** Result of one command run: exit status, and what it wrote. */
    record Run(int status, String out, String err, Duration took) {
    }

    static Run scs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MtcGate.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("scs", "trigger"));
        all.addAll(List.of(args));
        long start = System.nanoTime();
        int status = cli.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The node with the lab PKI in pki/, made beforehand so a test can replace the node's certificate. */
    void startNode() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders: []
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test]}
                """);
        int[] ss7 = FreePorts.distinct(2);
        // An MTC-IWF (Tsp) with its own SMS-SC, whose SS7 association waits for an MSC that never comes.
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: scs-causes, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: %s
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/%s.crt, key: pki/%s.key, trusted-ca: pki/ca.crt}
                  peers: [{host: %s}]
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {trigger-originator: "491720000999"}
                """.formatted(NODE, NODE, NODE, SCS, ss7[0], ss7[1]));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
    }

    String address() {
        return "127.0.0.1:" + node.diameterAddress().orElseThrow().getPort();
    }

    String[] args(String address, Path pki, String identity, String... more) {
        List<String> a = new ArrayList<>(List.of("--mtc-iwf", address, "--mtc-iwf-host", NODE, "--identity", identity,
                "--pki", pki.toString(), "--ext-id", "meter-1@meters.test", "--payload", "wake"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static void oneLine(Run r, String... words) {
        String line = r.err().strip();
        assertFalse(line.contains("\n") || line.contains("\tat "), "one line, no stack trace: " + r.err());
        for (String w : words) {
            assertTrue(line.contains(w), "'" + w + "' in: " + line);
        }
    }

    LabPki pki() throws Exception {
        LabPki pki = new LabPki(dir.resolve("pki"));
        pki.ensure(List.of(NODE, SCS, STRANGER));
        return pki;
    }

    /** Replaces the node's certificate with one from the lab CA naming {@code names}, valid for {@code validity}. */
    void nodeCertificate(LabPki pki, List<String> names, Duration validity) throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.load(
                Pem.readCertificates(Files.readString(pki.caCertificate())).get(0),
                Pem.readPrivateKey(Files.readString(pki.dir().resolve("ca.key"))));
        IssuedCredential cred = ca.issue(names.get(0), names, validity);
        Files.writeString(pki.certificate(NODE), cred.certificatePem(), StandardCharsets.US_ASCII);
        Files.writeString(pki.key(NODE), cred.privateKeyPem(), StandardCharsets.US_ASCII);
    }

    @Test
    void refusedByCeaWith3010AndWhy() throws Exception {
        LabPki pki = pki();
        startNode();
        Run r = scs(args(address(), pki.dir(), STRANGER, "--timeout", "30"));
        assertEquals(3, r.status(), r.err());
        oneLine(r, "3010", "DIAMETER_UNKNOWN_PEER", STRANGER, "Error-Message: ");
        assertFalse(r.err().contains("carries no Error-Message"), "the node's own reason is shown: " + r.err());
        assertTrue(r.took().compareTo(Duration.ofSeconds(15)) < 0, "a permanent refusal is not retried until the timeout: " + r.took());
    }

    @Test
    void untrustedIssuer() throws Exception {
        pki();
        startNode();
        LabPki other = new LabPki(dir.resolve("other-pki"));
        other.ensure(List.of(SCS));
        Run r = scs(args(address(), other.dir(), SCS, "--timeout", "30"));
        assertEquals(3, r.status(), r.err());
        oneLine(r, "certificate chain", "untrusted issuer");
        assertTrue(r.took().compareTo(Duration.ofSeconds(15)) < 0, r.took().toString());
    }

    @Test
    void expiredCertificate() throws Exception {
        LabPki pki = pki();
        nodeCertificate(pki, List.of(NODE), Duration.ofMinutes(-1));
        startNode();
        Run r = scs(args(address(), pki.dir(), SCS, "--timeout", "30"));
        assertEquals(3, r.status(), r.err());
        oneLine(r, "certificate chain", "expired");
    }

    @Test
    void certificateForAnotherHost() throws Exception {
        LabPki pki = pki();
        nodeCertificate(pki, List.of("other.operator.test"), Duration.ofDays(1));
        startNode();
        Run r = scs(args(address(), pki.dir(), SCS, "--timeout", "30"));
        assertEquals(3, r.status(), r.err());
        oneLine(r, "other.operator.test", "do not match Origin-Host " + NODE);
    }

    @Test
    void nodeDown() throws Exception {
        LabPki pki = pki();
        startNode();
        String was = address();
        node.close();
        node = null;
        Run r = scs(args(was, pki.dir(), SCS, "--timeout", "2"));
        assertEquals(3, r.status(), r.err());
        oneLine(r, "node down", "connection refused", was);
    }

    @Test
    void aListenerThatNeverAnswersTimesOut() throws Exception {
        LabPki pki = pki();
        // Accepted by the kernel's backlog, never read: the TLS handshake and the CEA never come.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Run r = scs(args("127.0.0.1:" + silent.getLocalPort(), pki.dir(), SCS, "--timeout", "2"));
            assertEquals(3, r.status(), r.err());
            oneLine(r, "timeout");
        }
    }

    @Test
    void badArgumentsGiveOneLine() throws Exception {
        LabPki pki = pki();
        Run r = scs(args("nowhere", pki.dir(), SCS));
        assertEquals(2, r.status(), r.err());
        oneLine(r, "--mtc-iwf 'nowhere' is not host:port");
        r = scs(args("127.0.0.1:5868", pki.dir(), SCS, "--payload-hex", "zz"));
        assertEquals(2, r.status(), r.err());
        oneLine(r, "scs: ");
        r = scs(args("127.0.0.1:5868", dir.resolve("no-such-pki"), SCS));
        assertEquals(2, r.status(), r.err());
        oneLine(r, "does not exist", "--pki");
        r = scs(args("127.0.0.1:5868", pki.dir(), SCS, "--validity", "soon"));
        assertEquals(2, r.status(), r.err());
        oneLine(r, "--validity");
    }
}

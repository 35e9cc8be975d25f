package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.node.NodeProcess;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.pki.LabPki;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GBA Push end to end on loopback (issue 15), every role a process of its own through its real command:
 * {@code mtcgate scs trigger --gba-push} asks a BSF node (role bsf) for a GPI over Zpn with mutual TLS, the BSF takes
 * the vector over Zh from an HSS node (role hss); the SCS protects the payload with GPL and sends the Device-Action to
 * an MTC-IWF node (roles mtc-iwf, sms-sc), whose SMS-SC delivers it as concatenated SMs to {@code mtcgate sim msc},
 * whose software UE (--push-ue) processes the GPI with its USIM and prints the original payload. A plain trigger for
 * that UE, whose domain takes GBA Push triggers only (mtc-iwf.require-gba-push), is refused by the MTC-IWF. The
 * profiles are the project's, not 3GPP's.
 */
class GbaPushLabTest {
    static final String IMPI = "262015500000001@ims.mnc001.mcc262.3gppnetwork.org";
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final String HSS = "hss.operator.test";
    static final String BSF = "bsf.operator.test";
    static final String IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    /** Bounds every wait for a process: JVM start, TLS, Zh, the SMs. */
    static final long WAIT_SECONDS = 60;
    /**
     * For each process's JVM: the client compiler only and the serial collector, as these processes live seconds and
     * six JVMs share two cores here; the code they run is the same.
     */
    static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    /** What one {@code mtcgate} command run to its end said. */
    record Run(int status, String out) {
    }

    @Test
    void anScsTriggerProtectedWithGbaPushIsReadByTheUe() throws Exception {
        // HSS Diameter, BSF Diameter, MTC-IWF Diameter, the two M3UA ends, the BSF's and the MTC-IWF's metrics (/ready)
        int[] p = FreePorts.distinct(7);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  meters: {external-id-domains: [meters.test]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [meters]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"],
                     impi: "%s", k: "%s", opc: "%s"}
                """.formatted(IMPI, K, OPC));
        Files.writeString(dir.resolve("hss.yaml"), """
                node: {name: hss, data-dir: data-hss}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: hss.operator.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/hss.operator.test.crt, key: pki/hss.operator.test.key, trusted-ca: pki/ca.crt,
                        generate-lab-pki: true}
                  peers: [{host: bsf.operator.test, role: bsf}]
                """.formatted(p[0]));
        Files.writeString(dir.resolve("bsf.yaml"), """
                node: {name: bsf, data-dir: data-bsf}
                roles: [bsf]
                policy: policy.yaml
                metrics: {listen: 127.0.0.1:%d}
                diameter:
                  identity: bsf.operator.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/bsf.operator.test.crt, key: pki/bsf.operator.test.key, trusted-ca: pki/ca.crt,
                        generate-lab-pki: true}
                  peers: [{host: scs1.utility.test, role: naf}, {host: hss.operator.test, role: hss, connect: "127.0.0.1:%d"}]
                bsf:
                  listen: 127.0.0.1:0
                  server-name: bsf.operator.test
                  tls: {certificate: pki/bsf.operator.test.crt, key: pki/bsf.operator.test.key}
                  nafs: [{host: scs1.utility.test, fqdns: [scs.utility.test], push: true}]
                  hss: {host: hss.operator.test}
                """.formatted(p[5], p[1], p[0]));
        Files.writeString(dir.resolve("iwf.yaml"), """
                node: {name: iwf, data-dir: data-iwf}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                metrics: {listen: 127.0.0.1:%d}
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.utility.test}]
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  invoke-timeout: 2s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 4}
                sms-sc: {trigger-originator: "491720000999", retry-first: 100ms, retry-max: 500ms}
                mtc-iwf: {require-gba-push: {external-id-domains: [meters.test]}}
                """.formatted(p[6], p[2], p[3], p[4]));
        // One CA for all before any process starts: each node would otherwise make its own lab CA at the same time.
        new LabPki(dir.resolve("pki")).ensure(List.of(HSS, BSF, IWF, SCS));

        // The HSS, the MTC-IWF and the MSC start together; the BSF once the HSS it dials listens.
        try (NodeProcess hss = NodeProcess.start(dir.resolve("hss.yaml"), dir.resolve("hss.log"), JVM);
             NodeProcess iwf = NodeProcess.start(dir.resolve("iwf.yaml"), dir.resolve("iwf.log"), JVM);
             SimProcess msc = SimProcess.start(JVM, dir.resolve("msc.log"), "msc", "--local", "127.0.0.1:" + p[4],
                     "--remote", "127.0.0.1:" + p[3], "--data-dir", dir.resolve("msc").toString(),
                     "--push-ue", "262015500000001", "--push-impi", IMPI, "--push-k", K, "--push-opc", OPC,
                     "--push-naf", "scs.utility.test", "--push-only")) {
            hss.ready.get(WAIT_SECONDS, TimeUnit.SECONDS);
            try (NodeProcess bsf = NodeProcess.start(dir.resolve("bsf.yaml"), dir.resolve("bsf.log"), JVM)) {
                bsf.ready.get(WAIT_SECONDS, TimeUnit.SECONDS);
                awaitReady(p[5], "the BSF (Zh to the HSS open)");
                iwf.ready.get(WAIT_SECONDS, TimeUnit.SECONDS);
                msc.awaitLine("MSC: M3UA association up", WAIT_SECONDS);
                awaitReady(p[6], "the MTC-IWF (M3UA to the MSC active)");

                List<String> scs = List.of("scs", "trigger", "--mtc-iwf", "127.0.0.1:" + p[2], "--mtc-iwf-host", IWF,
                        "--identity", SCS, "--pki", dir.resolve("pki").toString(), "--ext-id", "meter-1@meters.test",
                        "--port", "9200", "--wait-report", "30");
                List<String> push = List.of("--gba-push", "--naf-id", "scs.utility.test", "--impi", IMPI,
                        "--bsf", "127.0.0.1:" + p[1], "--bsf-host", BSF);

                Run first = scs(concat(scs, push, "--ref", "1", "--payload", "open valve 7"));
                assertEquals(0, first.status(), first.out() + logs());
                assertTrue(first.out().contains("GBA Push: GPI of ") && first.out().contains("(not 3GPP TS 33.223)")
                        && first.out().contains("mtcgate-gpl-1 (not 3GPP TS 33.224)"), first.out());
                assertTrue(first.out().contains("DNR Reference-Number 1: Delivery-Outcome SUCCESS"), first.out());
                String read = msc.awaitLine("UE 262015500000001:", WAIT_SECONDS);
                assertTrue(read.startsWith("UE 262015500000001: GBA Push trigger read: \"open valve 7\" (new GPI: SA "), read);
                assertTrue(msc.output().contains("concatenated") || msc.output().split("MSC: IMSI 262015500000001 got").length > 2,
                        "the protected trigger took more than one SM:\n" + msc.output());

                Run second = scs(concat(scs, push, "--ref", "2", "--payload", "close valve 7"));
                assertEquals(0, second.status(), second.out() + logs());
                assertTrue(msc.awaitLine("UE 262015500000001:", WAIT_SECONDS).contains("GBA Push trigger read: \"close valve 7\""),
                        "a second GPI (fresh SQN) is read too");

                Run plain = scs(concat(scs, List.of(), "--ref", "3", "--payload", "open all"));
                assertEquals(1, plain.status(), plain.out() + logs());
                assertTrue(plain.out().contains("Request-Status NOTAUTHORIZED"),
                        "the MTC-IWF refuses a plain trigger for a UE of a domain that requires GBA Push: " + plain.out());
            }
        }
        String audit;
        try (Stream<Path> files = Files.list(dir.resolve("data-bsf/audit"))) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
            audit = sb.toString();
        }
        assertTrue(audit.contains("\"gba-push-request\"") && audit.contains("\"served\""), audit);
        assertFalse(audit.contains("ME-Key") || audit.contains("\"gpi\""), "no key or GPI in the audit");
        assertTrue(Files.exists(dir.resolve("data-hss/hss-sqn")), "SEQ_HE was advanced at the HSS node, in its own data dir");
    }

    /** {@code mtcgate <args>} in a JVM of its own, run to its end. */
    private Run scs(List<String> args) throws IOException, InterruptedException {
        NodeProcess p = NodeProcess.command(JVM, args, "DNR ", dir.resolve("scs.log"));
        try (p) {
            int status = p.exitStatus(WAIT_SECONDS);
            return new Run(status, p.output());
        }
    }

    /**
     * Polls the node's /ready until it answers 200, within {@link #WAIT_SECONDS}: called once the event that makes
     * the node ready has been seen from outside (its start line, the peer's association line), so it turns soon.
     */
    private static void awaitReady(int metricsPort, String what) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 200) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(what + " not ready within " + WAIT_SECONDS + " s: " + (last == null ? "" : last.body()));
    }

    /** Every process's log (stderr), for a failure message. */
    private String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("hss", "bsf", "iwf", "msc", "scs")) {
            Path log = dir.resolve(name + ".log");
            try {
                sb.append("\n--- ").append(name).append(".log\n").append(Files.exists(log) ? Files.readString(log) : "");
            } catch (IOException e) {
                sb.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    private static List<String> concat(List<String> a, List<String> b, String... c) {
        return Stream.of(a, b, List.of(c)).flatMap(List::stream).toList();
    }
}

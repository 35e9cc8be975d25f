package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.lab.map.FreePorts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GBA Push end to end on loopback (issue 15): {@code mtcgate scs trigger --gba-push} asks a BSF node for a GPI over
 * Zpn with mutual TLS (the BSF takes the vector over Zh from an HSS node), protects the payload with GPL and sends the
 * Device-Action to an MTC-IWF node
 * (roles mtc-iwf, sms-sc); the SMS-SC delivers it as concatenated SMs to {@code mtcgate sim msc} in its own process,
 * whose software UE (--push-ue) processes the GPI with its USIM and prints the original payload. A plain trigger for
 * that UE, whose domain takes GBA Push triggers only (mtc-iwf.require-gba-push), is refused by the MTC-IWF. The
 * profiles are the project's, not 3GPP's.
 */
class GbaPushLabTest {
    static final String IMPI = "262015500000001@ims.mnc001.mcc262.3gppnetwork.org";
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    @TempDir
    Path dir;

    @Test
    void anScsTriggerProtectedWithGbaPushIsReadByTheUe() throws Exception {
        int[] p = FreePorts.distinct(2);
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
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/hss.operator.test.crt, key: pki/hss.operator.test.key, trusted-ca: pki/ca.crt,
                        generate-lab-pki: true}
                  peers: [{host: bsf.operator.test, role: bsf}]
                """);
        Files.writeString(dir.resolve("iwf.yaml"), """
                node: {name: iwf, data-dir: data-iwf}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:0
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
                """.formatted(p[0], p[1]));
        Node hss = Node.start(NodeConfigFile.load(dir.resolve("hss.yaml")), Clock.systemUTC());
        Files.writeString(dir.resolve("bsf.yaml"), """
                node: {name: bsf, data-dir: data-bsf}
                roles: [bsf]
                policy: policy.yaml
                diameter:
                  identity: bsf.operator.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/bsf.operator.test.crt, key: pki/bsf.operator.test.key, trusted-ca: pki/ca.crt,
                        generate-lab-pki: true}
                  peers: [{host: scs1.utility.test, role: naf}, {host: hss.operator.test, role: hss, connect: "127.0.0.1:%d"}]
                bsf:
                  listen: 127.0.0.1:0
                  server-name: bsf.operator.test
                  tls: {certificate: pki/bsf.operator.test.crt, key: pki/bsf.operator.test.key}
                  nafs: [{host: scs1.utility.test, fqdns: [scs.utility.test], push: true}]
                  hss: {host: hss.operator.test}
                """.formatted(hss.diameterAddress().orElseThrow().getPort()));
        Node bsf = null;
        Node iwf = null;
        try (SimProcess msc = SimProcess.start(dir.resolve("msc.log"), "msc", "--local", "127.0.0.1:" + p[1],
                "--remote", "127.0.0.1:" + p[0], "--data-dir", dir.resolve("msc").toString(),
                "--push-ue", "262015500000001", "--push-impi", IMPI, "--push-k", K, "--push-opc", OPC,
                "--push-naf", "scs.utility.test", "--push-only")) {
            bsf = Node.start(NodeConfigFile.load(dir.resolve("bsf.yaml")), Clock.systemUTC());
            iwf = Node.start(NodeConfigFile.load(dir.resolve("iwf.yaml")), Clock.systemUTC());
            msc.awaitLine("MSC: M3UA association up", 60);
            iwf.ss7().orElseThrow().active().get(60, java.util.concurrent.TimeUnit.SECONDS);

            String[] scs = {"scs", "trigger", "--mtc-iwf", "127.0.0.1:" + iwf.diameterAddress().orElseThrow().getPort(),
                    "--mtc-iwf-host", "mtc-iwf.operator.test", "--identity", "scs1.utility.test",
                    "--pki", dir.resolve("pki").toString(), "--ext-id", "meter-1@meters.test", "--port", "9200",
                    "--wait-report", "30"};
            String[] push = {"--gba-push", "--naf-id", "scs.utility.test", "--impi", IMPI,
                    "--bsf", "127.0.0.1:" + bsf.diameterAddress().orElseThrow().getPort(), "--bsf-host", "bsf.operator.test"};

            PolicyCommandTest.Run first = PolicyCommandTest.run(concat(scs, push, "--ref", "1", "--payload", "open valve 7"));
            assertEquals(0, first.status(), first.out() + first.err());
            assertTrue(first.out().contains("GBA Push: GPI of ") && first.out().contains("(not 3GPP TS 33.223)")
                    && first.out().contains("mtcgate-gpl-1 (not 3GPP TS 33.224)"), first.out());
            assertTrue(first.out().contains("DNR Reference-Number 1: Delivery-Outcome SUCCESS"), first.out());
            String read = msc.awaitLine("UE 262015500000001:", 30);
            assertTrue(read.startsWith("UE 262015500000001: GBA Push trigger read: \"open valve 7\" (new GPI: SA "), read);
            assertTrue(msc.output().contains("concatenated") || msc.output().split("MSC: IMSI 262015500000001 got").length > 2,
                    "the protected trigger took more than one SM:\n" + msc.output());

            PolicyCommandTest.Run second = PolicyCommandTest.run(concat(scs, push, "--ref", "2", "--payload", "close valve 7"));
            assertEquals(0, second.status(), second.out() + second.err());
            assertTrue(msc.awaitLine("UE 262015500000001:", 30).contains("GBA Push trigger read: \"close valve 7\""),
                    "a second GPI (fresh SQN) is read too");

            PolicyCommandTest.Run plain = PolicyCommandTest.run(concat(scs, new String[0], "--ref", "3", "--payload", "open all"));
            assertEquals(1, plain.status(), plain.out() + plain.err());
            assertTrue(plain.out().contains("Request-Status NOTAUTHORIZED"),
                    "the MTC-IWF refuses a plain trigger for a UE of a domain that requires GBA Push: " + plain.out());
        } finally {
            if (iwf != null) {
                iwf.close();
            }
            if (bsf != null) {
                bsf.close();
            }
            hss.close();
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
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        return Stream.of(a, b, c).flatMap(Stream::of).toArray(String[]::new);
    }
}

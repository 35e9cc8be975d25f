package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.pki.LabPki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UE-initiated GBA (TS 33.187 7.2) end to end, each role a process of its own on loopback, each through its real
 * command: an HSS node (role hss, Zh), a BSF node (role bsf: vectors from that HSS over Zh, Ub over HTTPS, Zn over
 * mutual TLS), the SCS's lab NAF ({@code mtcgate scs naf}) and the UE simulator ({@code mtcgate sim ue-gba
 * --naf-url}). The UE bootstraps over Ub, authenticates to the NAF with HTTP Digest on Ks_NAF, and the NAF verifies
 * it with the Ks_NAF it got over Zn.
 */
class NodeGbaUeInitiatedEndToEndTest {
    static final String HSS = "hss.operator.test";
    static final String BSF = "bsf.operator.test";
    static final String NAF_HOST = "naf1.operator.test";
    static final String NAF_FQDN = "naf.operator.test";
    static final String IMPI = "262015500000001@ims.mnc001.mcc262.3gppnetwork.org";

    @TempDir
    Path dir;
    NodeProcess hss;
    NodeProcess node;
    NodeProcess naf;

    @AfterEach
    void stop() throws Exception {
        for (NodeProcess p : new NodeProcess[] {naf, node, hss}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void theUeBootstrapsAndTheNafAuthenticatesItWithTheKeyItGotOverZn() throws Exception {
        int[] ports = FreePorts.distinct(4);
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", impi: "%s",
                     k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                """.formatted(IMPI));
        Files.writeString(dir.resolve("hss.yaml"), """
                node: {name: hss, data-dir: hss-data}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: %1$s
                  listen: 127.0.0.1:%3$d
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: %2$s, role: bsf}]
                """.formatted(HSS, BSF, ports[3]));
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bsf, data-dir: data}
                roles: [bsf]
                policy: policy.yaml
                diameter:
                  identity: %1$s
                  listen: 127.0.0.1:%4$d
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: %2$s, role: naf}, {host: %6$s, role: hss, connect: 127.0.0.1:%7$d}]
                bsf:
                  listen: 127.0.0.1:%5$d
                  server-name: %1$s
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key}
                  nafs: [{host: %2$s, fqdns: [%3$s]}]
                  hss: {host: %6$s}
                """.formatted(BSF, NAF_HOST, NAF_FQDN, ports[0], ports[1], HSS, ports[3]));
        Path log = dir.resolve("processes.log");
        hss = NodeProcess.start(dir.resolve("hss.yaml"), log);
        hss.ready.get(60, TimeUnit.SECONDS);
        node = NodeProcess.start(dir.resolve("mtcgate.yaml"), log);
        node.ready.get(60, TimeUnit.SECONDS);
        new LabPki(dir.resolve("pki")).ensure(List.of(NAF_FQDN));

        naf = NodeProcess.command(List.of("scs", "naf", "--listen", "127.0.0.1:" + ports[2], "--naf-id", NAF_FQDN,
                "--bsf-zn", "127.0.0.1:" + ports[0], "--bsf-host", BSF, "--identity", NAF_HOST,
                "--pki", dir.resolve("pki").toString(), "--max-auth", "1"), "NAF " + NAF_FQDN, log);
        naf.ready.get(60, TimeUnit.SECONDS);

        NodeProcess ue = NodeProcess.command(List.of("sim", "ue-gba", "--bsf", "https://127.0.0.1:" + ports[1] + "/",
                "--bsf-name", BSF, "--ca", dir.resolve("pki/ca.crt").toString(), "--impi", IMPI,
                "--k", "465b5ce8b199b49faa5f0a2ee238a6bc", "--opc", "cd63cb71954a9f4e48a5994e37a02baf",
                "--naf-url", "https://127.0.0.1:" + ports[2] + "/trigger", "--naf-id", NAF_FQDN), "B-TID ", log);
        int status = ue.exitStatus(60);
        assertEquals(0, status, () -> "UE:\n" + ue.output() + "\nNAF:\n" + naf.output() + "\nlogs:\n" + read(log));
        String ueSays = ue.output();
        assertTrue(ueSays.contains("NAF " + NAF_FQDN + " accepted B-TID ") && ueSays.contains(": authenticated as IMPI "
                + IMPI + " with B-TID "), ueSays);
        assertFalse(ueSays.contains("465b5ce8") || ueSays.contains("cd63cb71"), "K and OPc are never printed");

        assertEquals(0, naf.exitStatus(60), "the NAF stops after its one authentication:\n" + naf.output());
        String nafSays = naf.output();
        assertTrue(nafSays.contains("authenticated as IMPI " + IMPI), nafSays);
        assertTrue(nafSays.contains("stopping after 1 authentication(s), 1 refusal(s), 1 Zn request(s)"),
                "the first request had no credentials; the key came over Zn once:\n" + nafSays);

        node.close();
        assertTrue(audit().contains("\"gba-key-request\""), "the BSF audited the NAF's Zn request");
        assertTrue(Files.exists(dir.resolve("hss-data/hss-sqn")), "SEQ_HE was advanced at the HSS node, in its own data dir");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String audit() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("data/audit"))) {
            for (Path f : files.toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}

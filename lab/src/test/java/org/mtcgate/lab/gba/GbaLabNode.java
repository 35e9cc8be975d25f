package org.mtcgate.lab.gba;

import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.lab.pki.LabPki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the GBA lab tests share about their node (roles hss and bsf, BSF server name {@link GbaUeTest#BSF}, the
 * subscriber {@link GbaUeTest#IMPI}): its config files, the Ub client for it, a NAF as a Diameter peer over Zn and
 * its audit log.
 */
final class GbaLabNode {
    private GbaLabNode() {
    }

    /** policy.yaml with no senders, and subscribers.yaml with the IMPI subscriber and {@code more} (YAML list items). */
    static void writeInputs(Path dir, String more) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", impi: "%s",
                     k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                """.formatted(GbaUeTest.IMPI) + more);
    }

    /**
     * The node's mtcgate.yaml with Ub only: Diameter in the clear (no Zn peer), the BSF's lab certificate made at the
     * start, and {@code bsfOptions} (lines indented by two) added to the bsf section.
     */
    static void writeUbNode(Path dir, String bsfOptions) throws IOException {
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bsf, data-dir: data}
                roles: [hss, bsf]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter: {identity: hss.operator.test, listen: 127.0.0.1:0, insecure-lab: true}
                metrics: {listen: "127.0.0.1:0"}
                bsf:
                  listen: 127.0.0.1:0
                  server-name: %1$s
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, generate-lab-pki: true}
                %2$s""".formatted(GbaUeTest.BSF, bsfOptions));
    }

    /**
     * The node's mtcgate.yaml with Ub and Zn: Diameter over mutual TLS with the lab PKI, {@code nafHost} its one peer
     * (role naf), which may ask for keys of {@code nafFqdn} only.
     */
    static void writeZnNode(Path dir, String nafHost, String nafFqdn) throws IOException {
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bsf, data-dir: data}
                roles: [hss, bsf]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: %1$s
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: %2$s, role: naf}]
                bsf:
                  listen: 127.0.0.1:0
                  server-name: %1$s
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key}
                  nafs: [{host: %2$s, fqdns: [%3$s]}]
                """.formatted(GbaUeTest.BSF, nafHost, nafFqdn));
    }

    static URI ubUri(Node node) {
        return URI.create("https://127.0.0.1:" + node.ubAddress().orElseThrow().getPort() + "/");
    }

    /** A Ub client trusting the lab CA the node made in {@code dir}/pki. */
    static UbClient ubClient(Node node, Path dir) throws IOException, GeneralSecurityException {
        return new UbClient(ubUri(node), dir.resolve("pki/ca.crt"), GbaUeTest.BSF);
    }

    /** The NAF {@code nafHost} as a Diameter peer of the node over mutual TLS with the lab PKI, its Zn peer open. */
    static DiameterNode startNaf(Path dir, String nafHost, Node node) throws Exception {
        LabPki pki = new LabPki(dir.resolve("pki"));
        DiameterNode naf = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(nafHost, "operator.test",
                        InetAddress.getLoopbackAddress()))
                .tls(LabPki.tlsSettings(pki.certificate(nafHost), pki.key(nafHost), pki.caCertificate()))
                .peer(PeerConfig.connecting(GbaUeTest.BSF, "operator.test", node.diameterAddress().orElseThrow(),
                        PeerRole.HSS)).build());
        try {
            naf.supportApplication(ApplicationIds.ZN).start();
            naf.whenPeerOpen(GbaUeTest.BSF).get(20, TimeUnit.SECONDS);
            return naf;
        } catch (Exception e) {
            naf.close();
            throw e;
        }
    }

    /** The node's audit log, all files (read after the node closed). */
    static String audit(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("data/audit"))) {
            for (Path f : files.toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}

package org.mtcgate.lab.gba;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.lab.pki.LabPki;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GBA end to end on one node (roles hss and bsf): a UE bootstraps over Ub (HTTPS), then its NAF, a Diameter peer of
 * role naf over mutual TLS, gets the same Ks_NAF over Zn; a NAF-Id the NAF is not configured for is refused, and
 * both requests are audited without the key.
 */
class NodeGbaZnTest {
    static final String BSF = "bsf.operator.test";
    static final String NAF = "naf1.operator.test";

    @TempDir
    Path dir;

    @Test
    void theNafGetsTheUesKsNafOverZn() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", impi: "%s",
                     k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                """.formatted(GbaUeTest.IMPI));
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
                  nafs: [{host: %2$s, fqdns: [naf.operator.test]}]
                """.formatted(BSF, NAF));
        Node node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        DiameterNode naf = null;
        String key;
        try {
            URI ub = URI.create("https://127.0.0.1:" + node.ubAddress().orElseThrow().getPort() + "/");
            GbaUe.Bootstrapped ue = new GbaUe(GbaUeTest.SUB, new UbClient(ub, dir.resolve("pki/ca.crt"), BSF))
                    .bootstrap(UsimSequenceState.initial());
            NafId nafId = new NafId("naf.operator.test", UaSecurityProtocolId.HTTP_DIGEST);
            key = Hex.encode(ue.nafKey(nafId).octets());

            LabPki pki = new LabPki(dir.resolve("pki"));
            naf = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(NAF, "operator.test", InetAddress.getLoopbackAddress()))
                    .tls(LabPki.tlsSettings(pki.certificate(NAF), pki.key(NAF), pki.caCertificate()))
                    .peer(PeerConfig.connecting(BSF, "operator.test", node.diameterAddress().orElseThrow(), PeerRole.HSS)).build());
            naf.supportApplication(ApplicationIds.ZN).start();
            naf.whenPeerOpen(BSF).get(20, TimeUnit.SECONDS);

            DiameterMessage bia = naf.sendRequest(bir(ue.btid().value(), nafId.encoded())).get(20, TimeUnit.SECONDS);
            assertEquals(2001, bia.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
            assertEquals(key, Hex.encode(bia.avp(AvpCodes.ME_KEY_MATERIAL, VendorIds.TGPP).orElseThrow().data()),
                    "UE and NAF hold the same Ks_NAF");
            assertEquals(GbaUeTest.IMPI, bia.avp(AvpCodes.USER_NAME).orElseThrow().utf8());

            DiameterMessage other = naf.sendRequest(bir(ue.btid().value(),
                    new NafId("other.operator.test", UaSecurityProtocolId.HTTP_DIGEST).encoded())).get(20, TimeUnit.SECONDS);
            assertEquals(5402, TgppAvps.child(other.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps(),
                    AvpCodes.EXPERIMENTAL_RESULT_CODE, 0).unsigned32());
        } finally {
            if (naf != null) {
                naf.close();
            }
            node.close();
        }
        String audit;
        try (Stream<Path> files = Files.list(dir.resolve("data/audit"))) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
            audit = sb.toString();
        }
        assertTrue(audit.contains("\"gba-key-request\"") && audit.contains("\"served\"") && audit.contains("naf-not-authorised"),
                audit);
        assertFalse(audit.contains(key), "the key is never audited");
    }

    private static DiameterMessage bir(String btid, byte[] nafId) {
        return DiameterMessage.request(CommandCodes.BOOTSTRAPPING_INFO, ApplicationIds.ZN, true)
                .avp(BaseAvps.sessionId(NAF + ";zn;" + System.nanoTime()))
                .avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.ZN))
                .avp(BaseAvps.originHost(NAF))
                .avp(BaseAvps.originRealm("operator.test"))
                .avp(BaseAvps.destinationRealm("operator.test"))
                .avp(TgppAvps.tgpp(AvpCodes.TRANSACTION_IDENTIFIER).octets(btid.getBytes(StandardCharsets.UTF_8)))
                .avp(TgppAvps.tgpp(AvpCodes.NAF_ID).octets(nafId))
                .build();
    }
}

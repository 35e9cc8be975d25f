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
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

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
        GbaLabNode.writeInputs(dir, "");
        GbaLabNode.writeZnNode(dir, NAF, "naf.operator.test");
        Node node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        DiameterNode naf = null;
        String key;
        try {
            GbaUe.Bootstrapped ue = new GbaUe(GbaUeTest.SUB, GbaLabNode.ubClient(node, dir))
                    .bootstrap(UsimSequenceState.initial());
            NafId nafId = new NafId("naf.operator.test", UaSecurityProtocolId.HTTP_DIGEST);
            key = Hex.encode(ue.nafKey(nafId).octets());

            naf = GbaLabNode.startNaf(dir, NAF, node);

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
        String audit = GbaLabNode.audit(dir);
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

package org.mtcgate.bsf.zn;

import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.bsf.MemoryBootstrapContextStore;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * Independent check of the Zn encoding: Wireshark must decode a captured BIR/BIA (a key served, a NAF-Id not
 * authorised, an unknown B-TID) naming every Zn AVP, with nothing malformed or unknown. Skipped visibly when tshark
 * is absent, unless the environment variable CI is "true": then its absence fails the build.
 */
class WiresharkZnTest {
    @TempDir
    Path dir;

    @Test
    void wiresharkNamesEveryZnAvp() throws Exception {
        TsharkDiameterCapture.assumeAvailable("Zn encoding");
        Path pcap = dir.resolve("zn.pcapng");
        Instant now = Instant.now();
        BootstrapContext context = new BootstrapContext(Btid.of(ZnTest.RAND, ZnTest.BSF), ZnTest.RAND, ZnTest.IMPI, ZnTest.KS,
                now, now.plusSeconds(3600));
        MemoryBootstrapContextStore store = new MemoryBootstrapContextStore(10);
        store.put(context);
        DiameterNode bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(ZnTest.BSF))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(ZnTest.NAF, LoopbackNodes.realm(ZnTest.NAF), PeerRole.NAF)).build());
        DiameterNode naf = null;
        try {
            bsf.registerHandler(ApplicationIds.ZN, new BsfZnApplication(store,
                    new NafAuthorisation(Map.of(ZnTest.NAF, Set.of("naf.example.com"))), Clock.systemUTC(), ZnObserver.NONE)).start();
            int port = bsf.localAddress().getPort();
            String text;
            try (TsharkDiameterCapture capture = TsharkDiameterCapture.start(pcap, 8, port)) {
                naf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(ZnTest.NAF)).insecureLab(true)
                        .peer(PeerConfig.connecting(ZnTest.BSF, LoopbackNodes.realm(ZnTest.BSF), bsf.localAddress(),
                                PeerRole.HSS)).build());
                naf.supportApplication(ApplicationIds.ZN).start();
                LoopbackNodes.awaitOpen(naf, ZnTest.BSF);
                byte[] nafId = new NafId("naf.example.com", UaSecurityProtocolId.HTTP_DIGEST).encoded();
                naf.sendRequest(ZnTest.bir(ZnTest.NAF, context.btid().value(), nafId)).get(WAIT_SECONDS, TimeUnit.SECONDS);
                naf.sendRequest(ZnTest.bir(ZnTest.NAF, context.btid().value(),
                        new NafId("other.example.com", UaSecurityProtocolId.HTTP_DIGEST).encoded())).get(WAIT_SECONDS, TimeUnit.SECONDS);
                naf.sendRequest(ZnTest.bir(ZnTest.NAF, "AAAAAAAAAAAAAAAAAAAAAA==@" + ZnTest.BSF, nafId))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                capture.awaitExchanges();
                text = capture.decode();
            }
            // Wireshark 4.0.17 spells the command "Boostrapping-Info" and calls AVP 402 by its old name NAF-Hostname.
            for (String expected : List.of("Boostrapping-Info", "16777220", "AVP: Vendor-Specific-Application-Id(260)",
                    "AVP: Transaction-Identifier(401)", "AVP: NAF-Hostname(402)", "AVP: ME-Key-Material(405)",
                    "AVP: Key-ExpiryTime(404)", "AVP: BootstrapInfoCreationTime(408)", "AVP: GBA-Type(410)",
                    "AVP: User-Name(1)", "DIAMETER_SUCCESS (2001)", "DIAMETER_ERROR_NOT_AUTHORIZED (5402)",
                    "DIAMETER_ERROR_TRANSACTION_IDENTIFIER_INVALID (5403)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + TsharkDiameterCapture.excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + TsharkDiameterCapture.excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + TsharkDiameterCapture.excerpt(text));
        } finally {
            if (naf != null) {
                naf.close();
            }
            bsf.close();
        }
    }
}

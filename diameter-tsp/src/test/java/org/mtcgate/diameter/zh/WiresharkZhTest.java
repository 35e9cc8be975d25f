package org.mtcgate.diameter.zh;

import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.aka.MemoryAkaSubscriberStore;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * Independent check of the Zh encoding: Wireshark must decode a captured MAR/MAA (a vector, a resync, an unknown
 * IMPI) naming every Zh AVP, with nothing malformed or unknown. Skipped visibly when tshark is absent, unless the
 * environment variable CI is "true": then its absence fails the build.
 */
class WiresharkZhTest {
    @TempDir
    Path dir;

    @Test
    void wiresharkNamesEveryZhAvp() throws Exception {
        TsharkDiameterCapture.assumeAvailable("Zh encoding");
        Path pcap = dir.resolve("zh.pcapng");
        HomeAuthentication home = new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(ZhTest.SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS);
        DiameterNode hss = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(ZhTest.HSS))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(ZhTest.BSF, LoopbackNodes.realm(ZhTest.BSF), PeerRole.BSF)).build());
        DiameterNode bsf = null;
        try {
            hss.registerHandler(ApplicationIds.ZH, new HssZhApplication(home)).start();
            int port = hss.localAddress().getPort();
            String text;
            try (TsharkDiameterCapture capture = TsharkDiameterCapture.start(pcap, 8, port)) {
                bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(ZhTest.BSF)).insecureLab(true)
                        .peer(PeerConfig.connecting(ZhTest.HSS, LoopbackNodes.realm(ZhTest.HSS), hss.localAddress(),
                                PeerRole.HSS)).build());
                bsf.supportApplication(ApplicationIds.ZH).start();
                LoopbackNodes.awaitOpen(bsf, ZhTest.HSS);
                DiameterMessage maa = bsf.sendRequest(ZhTest.mar(ZhTest.SUB.impi().value())).get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(2001, maa.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
                bsf.sendRequest(ZhTest.mar(ZhTest.SUB.impi().value(), ZhAvps.resyncItem(new byte[30])))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                bsf.sendRequest(ZhTest.mar("nobody@ims.test")).get(WAIT_SECONDS, TimeUnit.SECONDS);
                capture.awaitExchanges();
                text = capture.decode();
            }
            // Wireshark 4.0's TGPP.xml prefixes 607-610, 612 and 613 with "3GPP-".
            for (String expected : List.of("Multimedia-Auth", "16777221", "AVP: User-Name(1)",
                    "AVP: Vendor-Specific-Application-Id(260)", "AVP: 3GPP-SIP-Auth-Data-Item(612)",
                    "AVP: 3GPP-SIP-Authentication-Scheme(608)", "AVP: 3GPP-SIP-Authenticate(609)",
                    "AVP: 3GPP-SIP-Authorization(610)", "AVP: Confidentiality-Key(625)", "AVP: Integrity-Key(626)",
                    "Digest-AKAv1-MD5", "DIAMETER_SUCCESS (2001)", "DIAMETER_ERROR_IMPI_UNKNOWN (5401)",
                    "DIAMETER_AUTHENTICATION_REJECTED (4001)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + TsharkDiameterCapture.excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + TsharkDiameterCapture.excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + TsharkDiameterCapture.excerpt(text));
        } finally {
            if (bsf != null) {
                bsf.close();
            }
            hss.close();
        }
    }
}

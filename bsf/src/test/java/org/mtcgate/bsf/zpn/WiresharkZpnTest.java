package org.mtcgate.bsf.zpn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.Ptid;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * Independent check of the Zpn encoding: Wireshark must decode captured GPIR/GPIA (a GPI served, a NAF-Id not
 * authorised, an unknown UE) naming the command, the application and every Zpn AVP, with nothing malformed or
 * unknown. Skipped visibly when tshark is absent, unless CI is "true".
 */
class WiresharkZpnTest {
    @TempDir
    Path dir;

    @Test
    void wiresharkNamesEveryZpnAvp() throws Exception {
        TsharkDiameterCapture.assumeAvailable("Zpn encoding");
        Path pcap = dir.resolve("zpn.pcapng");
        DiameterNode bsf = ZpnTest.bsf(ZpnTest.application(ZpnObserver.NONE));
        DiameterNode naf = null;
        try {
            String text;
            try (TsharkDiameterCapture capture = TsharkDiameterCapture.start(pcap, 8, bsf.localAddress().getPort())) {
                naf = ZpnTest.client(ZpnTest.PUSH_NAF, bsf);
                ZpnClient zpn = new ZpnClient(naf, "operator.test", new org.mtcgate.gba.push.MtcgateGpi1());
                Instant expiry = Instant.now().plusSeconds(600);
                zpn.gpi(ZpnTest.SUB.impi(), ZpnTest.NAF_ID, Ptid.ofText("ptid-1"), expiry).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                zpn.gpi(ZpnTest.SUB.impi(), new NafId("other.example.com", UaSecurityProtocolId.GPL), Ptid.ofText("ptid-2"), expiry)
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
                zpn.gpi(new Impi("nobody@ims.test"), ZpnTest.NAF_ID, Ptid.ofText("ptid-3"), expiry).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                capture.awaitExchanges();
                text = capture.decode();
            }
            // Wireshark 4.0.17 calls AVP 402 by its old name NAF-Hostname and 5401 DIAMETER_ERROR_IMPI_UNKNOWN.
            for (String expected : List.of("GBAPush-Info", "16777268", "AVP: Vendor-Specific-Application-Id(260)",
                    "AVP: UE-Id(411)", "AVP: UE-Id-Type(412)", "AVP: NAF-Hostname(402)", "AVP: NAF-SA-Identifier(418)",
                    "AVP: UICC-ME(414)", "AVP: Requested-Key-Lifetime(415)", "AVP: Private-Identity-Request(416)",
                    "AVP: GBA-Push-Info(417)", "AVP: ME-Key-Material(405)", "AVP: Key-ExpiryTime(404)",
                    "AVP: BootstrapInfoCreationTime(408)", "AVP: GBA-Type(410)", "AVP: User-Name(1)",
                    "DIAMETER_SUCCESS (2001)", "DIAMETER_ERROR_NOT_AUTHORIZED (5402)", "(5401)")) {
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

package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.ServingNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * Independent check of the SGd encoding: Wireshark must decode captured TFRs and TFAs by name (MT-Forward-Short-Message,
 * application 16777313) with SC-Address, SM-RP-UI, TFR-Flags, SM-Delivery-Failure-Cause and Absent-User-Diagnostic-SM,
 * and nothing malformed or unknown. Skipped visibly when tshark is absent, unless the environment variable CI is
 * "true": then its absence fails the build.
 */
class WiresharkSgdTest {
    static final Imsi IMSI = Imsi.of("262015500000001");

    @TempDir
    Path dir;

    /** Two segments delivered, then one SM to an absent UE and one to a full memory. */
    static DiameterMessage answer(DiameterMessage tfr, RequestContext ctx, int n) {
        return switch (n) {
            case 1, 2 -> TfaAnswers.delivered(tfr, ctx);
            case 3 -> TfaAnswers.absent(tfr, ctx, 1);
            default -> TfaAnswers.deliveryFailure(tfr, ctx, SmDeliveryFailureCause.MEMORY_CAPACITY_EXCEEDED);
        };
    }

    @Test
    void wiresharkNamesTfrTfaAndTheirAvps() throws Exception {
        TsharkDiameterCapture.assumeAvailable("SGd encoding");
        Path pcap = dir.resolve("sgd.pcapng");
        int[] n = {0};
        try (SgdPeers peers = new SgdPeers()) {
            DiameterNode mme = peers.mme(new TestMme((tfr, ctx) -> answer(tfr, ctx, ++n[0])));
            int port = mme.localAddress().getPort();
            String text;
            try (TsharkDiameterCapture capture = TsharkDiameterCapture.start(pcap, 10, port)) {
                DiameterNode smsc = peers.smsSc(mme, Duration.ofSeconds(10));
                SgdMtDelivery delivery = SgdMtDelivery.announcedOn(smsc, "491720000100", Clock.systemUTC());
                SgdPeers.open(smsc);
                ServingNode at = new ServingNode(ServingNode.Kind.MME, SgdPeers.MME);
                byte[] tpdu = SgdMtDeliveryTest.TPDU;
                assertEquals(DeliveryAttempt.Result.DELIVERED, delivery.deliver(IMSI, at, List.of(tpdu, tpdu))
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS).result());
                assertEquals(DeliveryAttempt.Result.ABSENT, delivery.deliver(IMSI, at, List.of(tpdu))
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS).result());
                assertEquals(DeliveryAttempt.Result.TEMPORARY, delivery.deliver(IMSI, at, List.of(tpdu))
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS).result());
                capture.awaitExchanges();
                text = capture.decode();
            }
            for (String expected : List.of("MT-Forward-Short-Message", "3GPP SGd", "16777313",
                    "AVP: SC-Address(3300)", "AVP: SM-RP-UI(3301)", "AVP: TFR-Flags(3302)", "AVP: User-Name(1)",
                    "AVP: Destination-Host(293)", "AVP: Vendor-Specific-Application-Id(260)",
                    "AVP: SM-Delivery-Failure-Cause(3303)", "AVP: SM-Enumerated-Delivery-Failure-Cause(3304)",
                    "MEMORY_CAPACITY_EXCEEDED", "AVP: Absent-User-Diagnostic-SM(3322)",
                    "DIAMETER_ERROR_ABSENT_USER (5550)", "DIAMETER_ERROR_SM_DELIVERY_FAILURE (5555)",
                    "DIAMETER_SUCCESS (2001)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + TsharkDiameterCapture.excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + TsharkDiameterCapture.excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + TsharkDiameterCapture.excerpt(text));
        }
    }
}

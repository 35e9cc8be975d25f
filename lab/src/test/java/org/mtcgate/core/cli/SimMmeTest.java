package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.sgd.SgdMtDelivery;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.lab.map.FreePorts;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtcgate sim mme} in a process of its own, answering an SMS-SC's SGd client. */
class SimMmeTest {
    static final String MME = "mme1.epc.operator.test";
    static final String SMS_SC = "smsc.operator.test";

    @Test
    void theMmeSimulatorAnswersTfrsAndPrintsOneLineEach(@TempDir Path dir) throws Exception {
        int port = FreePorts.distinct(1)[0];
        try (SimProcess sim = SimProcess.start(dir.resolve("mme.log"), "mme", "--insecure-lab", "--listen",
                "127.0.0.1:" + port, "--identity", MME, "--sms-sc", SMS_SC, "--imsi", "262015500000001",
                "--absent", "262015500000002")) {
            sim.awaitLine("MME " + MME + ": SGd on", 60);
            InetAddress lo = InetAddress.getLoopbackAddress();
            try (DiameterNode smsc = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(SMS_SC, "operator.test", lo))
                    .insecureLab(true).peer(PeerConfig.connecting(MME, "epc.operator.test", new InetSocketAddress(lo, port),
                            PeerRole.MME)).build())) {
                smsc.supportApplication(ApplicationIds.SGD).start();
                smsc.whenPeerOpen(MME).get(30, TimeUnit.SECONDS);
                SgdMtDelivery delivery = new SgdMtDelivery(smsc, "491720000100", Clock.systemUTC());
                ServingNode at = new ServingNode(ServingNode.Kind.MME, MME);
                DeliveryAttempt ok = delivery.deliver(Imsi.of("262015500000001"), at, List.of(new byte[] {0x04, 0x01}))
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertEquals(DeliveryAttempt.Result.DELIVERED, ok.result(), ok.detail());
                assertEquals("MME: TFR from " + SMS_SC + " SC 491720000100 IMSI 262015500000001 SM-RP-UI 0401: delivered",
                        sim.awaitLine("MME: TFR", 30));
                DeliveryAttempt absent = delivery.deliver(Imsi.of("262015500000002"), at, List.of(new byte[] {0x04}))
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertEquals(DeliveryAttempt.Result.ABSENT, absent.result(), absent.detail());
                assertTrue(sim.awaitLine("MME: TFR", 30).endsWith(": absent"));
            }
            // SIGTERM (as Ctrl-C): the shutdown hook closes the node; the JVM then exits with 128 + 15.
            assertEquals(143, sim.stop());
            assertTrue(sim.output().contains("MME: stopping"), sim.output());
        }
    }
}

package org.mtcgate.diameter.sgd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.ServingNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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

    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

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
        boolean available = tsharkAvailable();
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("tshark is required when CI=true: install it (apt-get install -y tshark)");
        }
        assumeTrue(available, "tshark is not installed: SGd encoding NOT checked against Wireshark "
                + "(install it with: apt-get install -y tshark)");
        Path pcap = dir.resolve("sgd.pcapng");
        int[] n = {0};
        try (SgdPeers peers = new SgdPeers()) {
            DiameterNode mme = peers.mme(new TestMme((tfr, ctx) -> answer(tfr, ctx, ++n[0])));
            int port = mme.localAddress().getPort();
            Process capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port,
                    "-d", "tcp.port==" + port + ",diameter", "-l", "-P", "-w", pcap.toString()).start();
            Queue<String> summary = new ConcurrentLinkedQueue<>();
            try {
                CountDownLatch capturing = new CountDownLatch(1);
                CountDownLatch anyPacket = new CountDownLatch(1);
                // CER, CEA, four TFRs, four TFAs.
                CountDownLatch diameterPackets = new CountDownLatch(10);
                pump(capture.getErrorStream(), line -> {
                    summary.add(line);
                    if (line.contains("Capturing on")) {
                        capturing.countDown();
                    }
                });
                pump(capture.getInputStream(), line -> {
                    summary.add(line);
                    if (line.contains("127.0.0.1")) {
                        anyPacket.countDown();
                    }
                    if (line.contains("DIAMETER")) {
                        diameterPackets.countDown();
                    }
                });
                assertTrue(capturing.await(30, TimeUnit.SECONDS), "tshark started capturing");
                // The filter may go live after "Capturing on": probe until a packet is seen (bounded).
                for (int i = 0; i < 100 && anyPacket.getCount() > 0; i++) {
                    new Socket(LoopbackNodes.LOOPBACK, port).close();
                    anyPacket.await(200, TimeUnit.MILLISECONDS);
                }
                assertEquals(0, anyPacket.getCount(), "tshark reports captured packets: " + summary);

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
                assertTrue(diameterPackets.await(30, TimeUnit.SECONDS), "tshark saw the exchanges: " + summary);
            } finally {
                capture.destroy(); // SIGTERM: tshark closes the file properly
                capture.waitFor(30, TimeUnit.SECONDS);
            }
            Process read = new ProcessBuilder("tshark", "-r", pcap.toString(), "-d", "tcp.port==" + port + ",diameter", "-V")
                    .redirectErrorStream(true).start();
            String text = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            read.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(dir.resolve("decoded.txt"), text);
            for (String expected : List.of("MT-Forward-Short-Message", "3GPP SGd", "16777313",
                    "AVP: SC-Address(3300)", "AVP: SM-RP-UI(3301)", "AVP: TFR-Flags(3302)", "AVP: User-Name(1)",
                    "AVP: Destination-Host(293)", "AVP: Vendor-Specific-Application-Id(260)",
                    "AVP: SM-Delivery-Failure-Cause(3303)", "AVP: SM-Enumerated-Delivery-Failure-Cause(3304)",
                    "MEMORY_CAPACITY_EXCEEDED", "AVP: Absent-User-Diagnostic-SM(3322)",
                    "DIAMETER_ERROR_ABSENT_USER (5550)", "DIAMETER_ERROR_SM_DELIVERY_FAILURE (5555)",
                    "DIAMETER_SUCCESS (2001)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + excerpt(text));
        }
    }

    private static String excerpt(String text) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("Diameter Protocol")) {
                in = true;
            } else if (!line.startsWith(" ")) {
                in = false;
            }
            if (in && sb.length() < 30000) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static void pump(java.io.InputStream in, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "tshark-output");
        t.setDaemon(true);
        t.start();
    }
}

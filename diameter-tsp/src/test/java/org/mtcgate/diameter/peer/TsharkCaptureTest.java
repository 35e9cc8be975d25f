package org.mtcgate.diameter.peer;

import org.mtcgate.diameter.interop.TsharkDiameterCapture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;

/**
 * Independent check of the encoding: Wireshark's dissector must decode a CER/CEA and a Tsp DAR/DAA
 * captured on loopback, AVP by AVP, by name. Skipped (visibly) when tshark is not installed.
 */
class TsharkCaptureTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String CLIENT = "scs-cap.example.test";

    @TempDir
    Path dir;

    private static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void wiresharkDecodesCapabilitiesExchangeAndDeviceActionByName() throws Exception {
        assumeTrue(tsharkAvailable(), "tshark is not installed: encoding NOT checked against Wireshark "
                + "(install it with: apt-get install -y tshark)");
        AtomicInteger calls = new AtomicInteger();
        Path pcap = dir.resolve("cer.pcapng");
        try (DiameterNode server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).insecureLab(true).peer(PeerConfig.accepting(CLIENT, "example.test")).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(calls)).start()) {
            int port = server.localAddress().getPort();
            Process capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port,
                    "-d", "tcp.port==" + port + ",diameter", "-l", "-P", "-w", pcap.toString()).start();
            try {
                CountDownLatch capturing = new CountDownLatch(1);
                CountDownLatch diameterPackets = new CountDownLatch(4);
                CountDownLatch anyPacket = new CountDownLatch(1);
                java.util.Queue<String> summary = new java.util.concurrent.ConcurrentLinkedQueue<>();
                TsharkDiameterCapture.pump(capture.getErrorStream(), line -> {
                    summary.add(line);
                    if (line.contains("Capturing on")) {
                        capturing.countDown();
                    }
                });
                TsharkDiameterCapture.pump(capture.getInputStream(), line -> {
                    summary.add(line);
                    if (line.contains("127.0.0.1")) {
                        anyPacket.countDown();
                    }
                    if (line.contains("DIAMETER")) {
                        diameterPackets.countDown();
                    }
                });
                assertTrue(capturing.await(30, TimeUnit.SECONDS), "tshark started capturing");
                // "Capturing on" can precede the filter being live: probe with bare TCP connects until
                // tshark reports a packet, so that the Diameter exchange below is not missed.
                for (int i = 0; i < 100 && anyPacket.getCount() > 0; i++) {
                    new java.net.Socket(TestPeers.LOOPBACK, port).close();
                    anyPacket.await(200, TimeUnit.MILLISECONDS);
                }
                assertEquals(0, anyPacket.getCount(), "tshark reports captured packets: " + summary);
                try (DiameterNode client = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(CLIENT, "example.test"))
                        .insecureLab(true).peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                        .supportApplication(ApplicationIds.TSP).start()) {
                    client.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    DiameterMessage a = client.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 31337))
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertEquals(2001, TestPeers.resultCode(a));
                }
                assertTrue(diameterPackets.await(30, TimeUnit.SECONDS), "tshark saw CER, CEA, DAR, DAA: " + summary);
            } finally {
                capture.destroy(); // SIGTERM: tshark closes the file properly
                capture.waitFor(30, TimeUnit.SECONDS);
            }
            Process read = new ProcessBuilder("tshark", "-r", pcap.toString(), "-d", "tcp.port==" + port + ",diameter", "-V")
                    .redirectErrorStream(true).start();
            String text = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            read.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(dir.resolve("decoded.txt"), text);
            for (String expected : List.of("Capabilities-Exchange", "Origin-Host: " + SERVER, "Origin-Host: " + CLIENT,
                    "Host-IP-Address", "Vendor-Specific-Application-Id", "Auth-Application-Id: 3GPP Tsp (16777309)",
                    "Product-Name: mtcgate-test", "Inband-Security-Id", "Firmware-Revision", "Supported-Vendor-Id",
                    "Result-Code: DIAMETER_SUCCESS (2001)", "AVP: Device-Action(3001)", "AVP: Reference-Number(3007) l=16 f=VM- vnd=TGPP val=31337",
                    "AVP: Action-Type(3005)", "AVP: Device-Notification(3002)", "AVP: Request-Status(3008)", "Session-Id", "Auth-Session-State")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + TsharkDiameterCapture.excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + TsharkDiameterCapture.excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + TsharkDiameterCapture.excerpt(text));
        }
    }
}

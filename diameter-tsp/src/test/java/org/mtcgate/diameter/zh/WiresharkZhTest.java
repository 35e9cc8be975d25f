package org.mtcgate.diameter.zh;

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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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

    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void wiresharkNamesEveryZhAvp() throws Exception {
        boolean available = tsharkAvailable();
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("tshark is required when CI=true: install it (apt-get install -y tshark)");
        }
        assumeTrue(available, "tshark is not installed: Zh encoding NOT checked against Wireshark "
                + "(install it with: apt-get install -y tshark)");
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
            Process capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port,
                    "-d", "tcp.port==" + port + ",diameter", "-l", "-P", "-w", pcap.toString()).start();
            Queue<String> summary = new ConcurrentLinkedQueue<>();
            try {
                CountDownLatch capturing = new CountDownLatch(1);
                CountDownLatch anyPacket = new CountDownLatch(1);
                // CER, CEA and three MAR/MAA pairs.
                CountDownLatch diameterPackets = new CountDownLatch(8);
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
                    new Socket(LOOPBACK, port).close();
                    anyPacket.await(200, TimeUnit.MILLISECONDS);
                }
                assertEquals(0, anyPacket.getCount(), "tshark reports captured packets: " + summary);

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
            // Wireshark 4.0's TGPP.xml prefixes 607-610, 612 and 613 with "3GPP-".
            for (String expected : List.of("Multimedia-Auth", "16777221", "AVP: User-Name(1)",
                    "AVP: Vendor-Specific-Application-Id(260)", "AVP: 3GPP-SIP-Auth-Data-Item(612)",
                    "AVP: 3GPP-SIP-Authentication-Scheme(608)", "AVP: 3GPP-SIP-Authenticate(609)",
                    "AVP: 3GPP-SIP-Authorization(610)", "AVP: Confidentiality-Key(625)", "AVP: Integrity-Key(626)",
                    "Digest-AKAv1-MD5", "DIAMETER_SUCCESS (2001)", "DIAMETER_ERROR_IMPI_UNKNOWN (5401)",
                    "DIAMETER_AUTHENTICATION_REJECTED (4001)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + excerpt(text));
        } finally {
            if (bsf != null) {
                bsf.close();
            }
            hss.close();
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

    private static void pump(InputStream in, Consumer<String> onLine) {
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

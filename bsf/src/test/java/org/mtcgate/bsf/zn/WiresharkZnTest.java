package org.mtcgate.bsf.zn;

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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
 * Independent check of the Zn encoding: Wireshark must decode a captured BIR/BIA (a key served, a NAF-Id not
 * authorised, an unknown B-TID) naming every Zn AVP, with nothing malformed or unknown. Skipped visibly when tshark
 * is absent, unless the environment variable CI is "true": then its absence fails the build.
 */
class WiresharkZnTest {
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
    void wiresharkNamesEveryZnAvp() throws Exception {
        boolean available = tsharkAvailable();
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("tshark is required when CI=true: install it (apt-get install -y tshark)");
        }
        assumeTrue(available, "tshark is not installed: Zn encoding NOT checked against Wireshark "
                + "(install it with: apt-get install -y tshark)");
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
            Process capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port,
                    "-d", "tcp.port==" + port + ",diameter", "-l", "-P", "-w", pcap.toString()).start();
            Queue<String> summary = new ConcurrentLinkedQueue<>();
            try {
                CountDownLatch capturing = new CountDownLatch(1);
                CountDownLatch anyPacket = new CountDownLatch(1);
                // CER, CEA and three BIR/BIA pairs.
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
            // Wireshark 4.0.17 spells the command "Boostrapping-Info" and calls AVP 402 by its old name NAF-Hostname.
            for (String expected : List.of("Boostrapping-Info", "16777220", "AVP: Vendor-Specific-Application-Id(260)",
                    "AVP: Transaction-Identifier(401)", "AVP: NAF-Hostname(402)", "AVP: ME-Key-Material(405)",
                    "AVP: Key-ExpiryTime(404)", "AVP: BootstrapInfoCreationTime(408)", "AVP: GBA-Type(410)",
                    "AVP: User-Name(1)", "DIAMETER_SUCCESS (2001)", "DIAMETER_ERROR_NOT_AUTHORIZED (5402)",
                    "DIAMETER_ERROR_TRANSACTION_IDENTIFIER_INVALID (5403)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + excerpt(text));
        } finally {
            if (naf != null) {
                naf.close();
            }
            bsf.close();
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

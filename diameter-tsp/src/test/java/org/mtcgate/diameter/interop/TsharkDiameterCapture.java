package org.mtcgate.diameter.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * tshark capturing Diameter on loopback TCP ports, then decoding the capture with -V: what every "does Wireshark
 * read it as we mean it" test shares. Capturing waits until tshark reports packets (its filter may go live after
 * "Capturing on", so the ports are probed, bounded); the exchange count is awaited from tshark's own summary lines.
 */
public final class TsharkDiameterCapture implements AutoCloseable {
    private final Process capture;
    private final Path pcap;
    private final java.util.List<String> decodeAs;
    private final Queue<String> summary = new ConcurrentLinkedQueue<>();
    private final CountDownLatch diameterPackets;

    private TsharkDiameterCapture(Process capture, Path pcap, java.util.List<String> decodeAs, int expectedDiameterPackets) {
        this.capture = capture;
        this.pcap = pcap;
        this.decodeAs = decodeAs;
        this.diameterPackets = new CountDownLatch(expectedDiameterPackets);
    }

    /** Skips the test when tshark is missing, naming what was not checked; with CI=true its absence fails instead. */
    public static void assumeAvailable(String what) {
        boolean available;
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("tshark is required when CI=true: install it (apt-get install -y tshark)");
        }
        assumeTrue(available, "tshark is not installed: " + what + " NOT checked against Wireshark "
                + "(install it with: apt-get install -y tshark)");
    }

    /** Starts capturing {@code ports} (decoded as Diameter) into {@code pcap}; returns once tshark sees packets. */
    public static TsharkDiameterCapture start(Path pcap, int expectedDiameterPackets, int... ports) throws Exception {
        java.util.List<String> decodeAs = new java.util.ArrayList<>();
        for (int port : ports) {
            decodeAs.add("-d");
            decodeAs.add("tcp.port==" + port + ",diameter");
        }
        return start(pcap, expectedDiameterPackets, decodeAs, ports);
    }

    /**
     * Starts capturing Diameter over TLS on {@code ports} into {@code pcap}, decrypted with the NSS key log
     * {@code keyLog} (read by tshark as it grows); returns once tshark sees packets.
     */
    public static TsharkDiameterCapture startTls(Path pcap, Path keyLog, int expectedDiameterPackets, int... ports)
            throws Exception {
        java.util.List<String> decodeAs = new java.util.ArrayList<>(java.util.List.of("-o", "tls.keylog_file:" + keyLog));
        for (int port : ports) {
            decodeAs.addAll(java.util.List.of("-d", "tcp.port==" + port + ",tls", "-d", "tls.port==" + port + ",diameter"));
        }
        return start(pcap, expectedDiameterPackets, decodeAs, ports);
    }

    private static TsharkDiameterCapture start(Path pcap, int expectedDiameterPackets, java.util.List<String> decodeAs,
                                               int... ports) throws Exception {
        String filter = Arrays.stream(ports).mapToObj(p -> "tcp port " + p).collect(Collectors.joining(" or "));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("tshark", "-i", "lo", "-f", filter));
        command.addAll(decodeAs);
        command.addAll(java.util.List.of("-l", "-P", "-w", pcap.toString()));
        Process process = new ProcessBuilder(command).start();
        TsharkDiameterCapture c = new TsharkDiameterCapture(process, pcap, decodeAs, expectedDiameterPackets);
        try {
            CountDownLatch capturing = new CountDownLatch(1);
            CountDownLatch anyPacket = new CountDownLatch(1);
            pump(process.getErrorStream(), line -> {
                c.summary.add(line);
                if (line.contains("Capturing on")) {
                    capturing.countDown();
                }
            });
            pump(process.getInputStream(), line -> {
                c.summary.add(line);
                if (line.contains("127.0.0.1")) {
                    anyPacket.countDown();
                }
                if (line.contains("DIAMETER")) {
                    c.diameterPackets.countDown();
                }
            });
            assertTrue(capturing.await(30, TimeUnit.SECONDS), "tshark started capturing");
            for (int i = 0; i < 100 && anyPacket.getCount() > 0; i++) {
                new Socket(InetAddress.getLoopbackAddress(), ports[0]).close();
                anyPacket.await(200, TimeUnit.MILLISECONDS);
            }
            assertEquals(0, anyPacket.getCount(), "tshark reports captured packets: " + c.summary);
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }

    /** Asserts tshark has seen the expected number of Diameter packets. */
    public void awaitExchanges() throws InterruptedException {
        assertTrue(diameterPackets.await(30, TimeUnit.SECONDS), "tshark saw the exchanges: " + summary);
    }

    /** Stops the capture (SIGTERM: tshark closes the file properly) and returns its -V decode, kept beside it. */
    public String decode() throws Exception {
        close();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("tshark", "-r", pcap.toString()));
        command.addAll(decodeAs);
        command.add("-V");
        Process read = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        read.waitFor(30, TimeUnit.SECONDS);
        Files.writeString(pcap.resolveSibling("decoded.txt"), text);
        return text;
    }

    @Override
    public void close() throws InterruptedException {
        if (capture.isAlive()) {
            capture.destroy();
            capture.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The Diameter parts of a -V decode, for assertion messages. */
    public static String excerpt(String text) {
        return diameterParts(text, 30_000);
    }

    /** The Diameter parts of a -V decode (each "Diameter Protocol" tree), at most {@code maxChars} of them. */
    public static String diameterParts(String text, int maxChars) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("Diameter Protocol")) {
                in = true;
            } else if (!line.startsWith(" ")) {
                in = false;
            }
            if (in && sb.length() < maxChars) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** Hands each line of a tool's output to {@code onLine} on a daemon thread of its own, until the output ends. */
    public static void pump(InputStream in, Consumer<String> onLine) {
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

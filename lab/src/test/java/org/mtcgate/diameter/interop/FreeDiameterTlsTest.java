package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;

/**
 * Debian's freeDiameter (an independent RFC 6733 implementation, GnuTLS) as a peer of the MTC-IWF over TLS
 * with mutual certificates from a test-time {@link LabCertificateAuthority}.
 *
 * <p>freeDiameter will not use loopback, so the test makes its own network namespace joined to the host by a
 * veth pair in 198.18.0.0/30 (a benchmarking range, RFC 2544): the MTC-IWF listens on 198.18.0.1, freeDiameter
 * runs inside the namespace on 198.18.0.2 and connects to it. Needs root (ip netns); a file lock serialises runs
 * on one machine because the addresses are fixed. Namespace, veth and process are removed after every test.
 */
class FreeDiameterTlsTest {
    private static final String NS = "mtcgate-fd";
    private static final String HOST_IF = "mtcfd0";
    private static final String NS_IF = "mtcfd1";
    private static final String HOST_IP = "198.18.0.1";
    private static final String NS_IP = "198.18.0.2";
    private static final String FD = "scs-fd.utility.test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "mtcgate-interop-netns.lock");

    @TempDir
    Path dir;

    private FileChannel lockFile;
    private FileLock lock;
    private boolean netnsMade;
    private Process freeDiameter;
    private MtcIwfFixture iwf;
    private LabCertificateAuthority ca;

    @BeforeEach
    void makeNamespace() throws Exception {
        ExternalTool.Result version = ExternalTool.run("freeDiameterd", "--version");
        ExternalTool.require(version.ok(), "freeDiameterd is not installed (apt-get install freediameter): " + version.output().strip());
        ExternalTool.Result ip = ExternalTool.run("ip", "netns", "list");
        ExternalTool.require(ip.ok(), "'ip netns' is not usable (apt-get install iproute2; needs root): " + ip.output().strip());
        lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = CompletableFuture.supplyAsync(() -> {
            try {
                return lockFile.lock();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(120, TimeUnit.SECONDS);
        removeNamespace(); // leftovers of a run that was killed
        ExternalTool.Result add = ExternalTool.run("ip", "netns", "add", NS);
        ExternalTool.require(add.ok(), "cannot create a network namespace (needs root / CAP_SYS_ADMIN): " + add.output().strip());
        netnsMade = true;
        for (List<String> step : List.of(
                List.of("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF, "netns", NS),
                List.of("ip", "addr", "add", HOST_IP + "/30", "dev", HOST_IF),
                List.of("ip", "link", "set", HOST_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "addr", "add", NS_IP + "/30", "dev", NS_IF),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", NS_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up"))) {
            ExternalTool.Result r = ExternalTool.run(step);
            ExternalTool.require(r.ok(), String.join(" ", step) + " failed: " + r.output().strip());
        }
        ca = LabCertificateAuthority.create("mtcgate interop CA", Duration.ofDays(1));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            stopFreeDiameter();
            if (iwf != null) {
                iwf.close();
            }
        } finally {
            try {
                if (netnsMade) {
                    removeNamespace();
                }
            } finally {
                if (lock != null) {
                    lock.release();
                }
                if (lockFile != null) {
                    lockFile.close();
                }
            }
        }
    }

    private static void removeNamespace() {
        // Deleting the namespace destroys the veth end inside it, and with it the host end.
        ExternalTool.run("ip", "netns", "del", NS);
        ExternalTool.run("ip", "link", "del", HOST_IF);
    }

    private void stopFreeDiameter() throws InterruptedException {
        if (freeDiameter != null && freeDiameter.isAlive()) {
            freeDiameter.destroy(); // SIGTERM: freeDiameter sends DPR to its peers and exits
            if (!freeDiameter.waitFor(15, TimeUnit.SECONDS)) {
                freeDiameter.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The MTC-IWF on the host end of the veth, mutual TLS, expecting freeDiameter's identity. */
    private void startMtcIwf() throws Exception {
        InetAddress host = InetAddress.getByName(HOST_IP);
        DiameterNodeConfig config = DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, host))
                .listen(new InetSocketAddress(host, 0))
                .tls(ca.issue(MtcIwfFixture.MTC_IWF, Duration.ofDays(1)).tlsSettings(List.of(ca.certificate())))
                .peer(PeerConfig.accepting(FD, "utility.test"))
                .build(); // Tw 30 s: the DWR under test is freeDiameter's (TwTimer 6 s)
        iwf = MtcIwfFixture.start(config, List.of(MtcIwfFixture.SCS, FD), true);
    }

    /** Writes freeDiameter's PEM files and configuration; the certificate names {@code certificateIdentity}. */
    private Path configureFreeDiameter(String certificateIdentity) throws IOException {
        IssuedCredential cred = ca.issue(certificateIdentity, List.of(certificateIdentity), Duration.ofDays(1));
        Path cert = Files.writeString(dir.resolve("fd.crt"), cred.certificatePem());
        // The lab PKI's own PEM: GnuTLS must be able to read it as written for operators.
        Path key = Files.writeString(dir.resolve("fd.key"), cred.privateKeyPem());
        Path caFile = Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
        String conf = """
                # freeDiameter as an SCS-side peer of the mtcgate MTC-IWF (written by FreeDiameterTlsTest)
                Identity = "%s";
                Realm = "utility.test";
                ListenOn = "%s";
                Port = 3868;
                SecPort = 5868;
                No_SCTP;
                No_IPv6;
                TwTimer = 6;
                TcTimer = 3;
                TLS_Cred = "%s", "%s";
                TLS_CA = "%s";
                ConnectPeer = "%s" { ConnectTo = "%s"; Port = %d; No_SCTP; No_IPv6; };
                """.formatted(FD, NS_IP, cert, key, caFile, MtcIwfFixture.MTC_IWF, HOST_IP,
                iwf.node.localAddress().getPort());
        return Files.writeString(dir.resolve("freediameter.conf"), conf);
    }

    private void startFreeDiameter(Path conf) throws IOException {
        freeDiameter = new ProcessBuilder("ip", "netns", "exec", NS, "freeDiameterd", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("freediameter.log").toFile()).start();
    }

    private String log() {
        try {
            String text = Files.readString(dir.resolve("freediameter.log"), StandardCharsets.UTF_8);
            return "\n--- freeDiameter log (tail) ---\n" + text.substring(Math.max(0, text.length() - 6000));
        } catch (IOException e) {
            return "(no freeDiameter log: " + e.getMessage() + ")";
        }
    }

    @Test
    void capabilitiesWatchdogAndDisconnectOverMutualTls() throws Exception {
        startMtcIwf();
        CounterWait dwr = CounterWait.on(iwf.node.counters(), Counter.DWR_RECEIVED, 1);
        CounterWait dpr = CounterWait.on(iwf.node.counters(), Counter.DPR_RECEIVED, 1);
        CounterWait closed = CounterWait.on(iwf.node.counters(), Counter.CONNECTIONS_CLOSED, 1);
        startFreeDiameter(configureFreeDiameter(FD));
        try {
            iwf.node.whenPeerOpen(FD).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("freeDiameter did not reach OPEN with the MTC-IWF over TLS; node counters "
                    + iwf.node.counters() + log());
        }
        assertTrue(iwf.node.isPeerOpen(FD));
        assertEquals(0, iwf.node.counters().get(Counter.TLS_IDENTITY_MISMATCH));
        assertEquals(0, iwf.node.counters().get(Counter.TLS_HANDSHAKE_FAILURES));
        assertEquals(0, iwf.node.counters().get(Counter.CER_REFUSED));

        assertTrue(dwr.await(WAIT), "freeDiameter sent DWR within TwTimer (6 s +- jitter)" + log());
        assertEquals(0, iwf.node.counters().get(Counter.WATCHDOG_TIMEOUTS));
        assertTrue(iwf.node.isPeerOpen(FD), "the connection stays open after the watchdog exchange");
        assertEquals(0, iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT), "nothing refused" + log());

        freeDiameter.destroy(); // SIGTERM
        assertTrue(dpr.await(WAIT), "freeDiameter sent DPR when stopped" + log());
        assertTrue(closed.await(WAIT), "the connection closed after DPR/DPA");
        assertTrue(freeDiameter.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "freeDiameter exited");
        assertFalse(iwf.node.isPeerOpen(FD));
    }

    @Test
    void wildcardCertificateThatDoesNotNameTheOriginHostIsRefused() throws Exception {
        startMtcIwf();
        CounterWait mismatch = CounterWait.on(iwf.node.counters(), Counter.TLS_IDENTITY_MISMATCH, 1);
        CounterWait refused = CounterWait.on(iwf.node.counters(), Counter.CER_REFUSED, 1);
        // freeDiameter refuses to start with a certificate that GnuTLS does not match to its own Identity, so an
        // unrelated name cannot be tried. A wildcard passes GnuTLS's own check (RFC 6125 wildcards) but does not
        // name the Origin-Host: Diameter identities are compared exactly (RFC 6733 13), so the node must refuse it.
        startFreeDiameter(configureFreeDiameter("*.utility.test"));
        assertTrue(mismatch.await(WAIT), "the node saw the certificate/Origin-Host mismatch; counters "
                + iwf.node.counters() + log());
        assertTrue(refused.await(WAIT), "the CER was refused");
        assertFalse(iwf.node.isPeerOpen(FD), "freeDiameter must not be an open peer");
        assertEquals(0, iwf.node.counters().get(Counter.REQUESTS_HANDLED));
    }
}

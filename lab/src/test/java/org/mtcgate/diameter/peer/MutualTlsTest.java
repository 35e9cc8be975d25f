package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;

/**
 * TLS at connect with client certificates required (TS 33.187 5.1, RFC 6733 13): good peers are
 * served; peers without a certificate, with an untrusted one, or whose certificate names another
 * host than their Origin-Host are refused, while the server keeps serving the good peer.
 */
class MutualTlsTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String CLIENT = "scs1.example.test";
    private static final LabCertificateAuthority CA = LabCertificateAuthority.create("mtcgate test CA", Duration.ofDays(1));
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static DiameterNode server;
    private static DiameterNode client;

    @BeforeAll
    static void start() throws Exception {
        IssuedCredential serverCred = CA.issue(SERVER, Duration.ofDays(1));
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).tls(serverCred.tlsSettings()).acceptUnknownPeers(true).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(CALLS)).start();
        client = tlsClient(CLIENT, CA.issue(CLIENT, Duration.ofDays(1)), server.localAddress());
        client.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static DiameterNode tlsClient(String host, IssuedCredential cred, InetSocketAddress to) throws Exception {
        return new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(host, "example.test"))
                .tls(cred.tlsSettings(List.of(CA.certificate())))
                .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .peer(PeerConfig.connecting(SERVER, "operator.test", to)).build())
                .supportApplication(ApplicationIds.TSP).start();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void goodPeerStillServed() throws Exception {
        DiameterMessage a = client.sendRequest(TestPeers.dar(CLIENT, "example.test", "operator.test", 3))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(a));
    }

    @Test
    void clientWithValidCertificateIsServedOverTls() {
        assertTrue(server.isPeerOpen(CLIENT));
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        CounterLatch refused = CounterLatch.on(server, Counter.TLS_HANDSHAKE_FAILURES, 1);
        assertNoCea(TlsClientSockets.connect(server.localAddress(), null, CA.certificate()), "nocert.example.test");
        assertTrue(refused.await(WAIT));
    }

    @Test
    void clientWithUntrustedCertificateIsRefused() throws Exception {
        LabCertificateAuthority rogue = LabCertificateAuthority.create("rogue CA", Duration.ofDays(1));
        CounterLatch refused = CounterLatch.on(server, Counter.TLS_HANDSHAKE_FAILURES, 1);
        SSLSocket s = TlsClientSockets.connect(server.localAddress(),
                rogue.issue("rogue.example.test", Duration.ofDays(1)), CA.certificate());
        assertNoCea(s, "rogue.example.test");
        assertTrue(refused.await(WAIT));
    }

    @Test
    void certificateForAnotherHostThanOriginHostIsRefusedWith3010() throws Exception {
        CounterLatch mismatch = CounterLatch.on(server, Counter.TLS_IDENTITY_MISMATCH, 1);
        SSLSocket s = TlsClientSockets.connect(server.localAddress(),
                CA.issue("scs2.example.test", Duration.ofDays(1)), CA.certificate());
        try (RawPeer raw = new RawPeer(s, Duration.ofSeconds(5))) {
            DiameterMessage cea = raw.openWithCer("scs9.example.test", "example.test");
            assertEquals(3010, TestPeers.resultCode(cea));
            assertTrue(raw.closedByServer());
        }
        assertTrue(mismatch.await(WAIT));
        assertFalse(server.isPeerOpen("scs9.example.test"));
    }

    @Test
    void clientRefusesServerWhoseCertificateNamesAnotherHost() throws Exception {
        try (DiameterNode imposter = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).tls(CA.issue("imposter.operator.test", Duration.ofDays(1)).tlsSettings())
                .acceptUnknownPeers(true).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(CALLS)).start();
             DiameterNode victim = tlsClient("scs3.example.test", CA.issue("scs3.example.test", Duration.ofDays(1)),
                     imposter.localAddress())) {
            CounterLatch mismatch = CounterLatch.on(victim, Counter.TLS_IDENTITY_MISMATCH, 1);
            assertTrue(mismatch.await(WAIT));
            assertFalse(victim.isPeerOpen(SERVER));
        }
    }

    private static void assertNoCea(SSLSocket s, String host) throws Exception {
        try (RawPeer raw = new RawPeer(s, Duration.ofSeconds(5))) {
            try {
                s.startHandshake();
                raw.send(RawPeer.cer(host, "example.test"));
            } catch (java.io.IOException refusedDuringHandshake) {
                return;
            }
            assertTrue(raw.closedByServer(), "no CEA: the server ends the connection");
        }
    }
}

package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;

/** In-band TLS (Inband-Security-Id = TLS in CER/CEA, then the handshake on the same connection). */
class InbandTlsTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final LabCertificateAuthority CA = LabCertificateAuthority.create("inband CA", Duration.ofDays(1));
    private static DiameterNode server;

    @BeforeAll
    static void start() throws Exception {
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).tls(CA.issue(SERVER, Duration.ofDays(1)).tlsSettings())
                .tlsMode(TlsMode.IN_BAND).acceptUnknownPeers(true).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(new AtomicInteger())).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DiameterNode client(String host, IssuedCredential cred) throws Exception {
        return unstartedClient(host, cred).start();
    }

    private static DiameterNode unstartedClient(String host, IssuedCredential cred) {
        return new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(host, "example.test"))
                .tls(cred.tlsSettings(List.of(CA.certificate()))).tlsMode(TlsMode.IN_BAND)
                .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                .supportApplication(ApplicationIds.TSP);
    }

    @Test
    void capabilitiesInClearThenTlsThenRequests() throws Exception {
        try (DiameterNode c = client("scs1.example.test", CA.issue("scs1.example.test", Duration.ofDays(1)))) {
            c.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DiameterMessage a = c.sendRequest(TestPeers.dar("scs1.example.test", "example.test", "operator.test", 5))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(2001, TestPeers.resultCode(a));
        }
    }

    @Test
    void certificateNamingAnotherHostIsRefusedAfterTheHandshake() throws Exception {
        CounterLatch mismatch = CounterLatch.on(server, Counter.TLS_IDENTITY_MISMATCH, 1);
        try (DiameterNode c = unstartedClient("scs2.example.test", CA.issue("scs7.example.test", Duration.ofDays(1)))) {
            CounterLatch clientClosed = CounterLatch.on(c, Counter.CONNECTIONS_CLOSED, 1);
            c.start();
            assertTrue(mismatch.await(WAIT));
            assertTrue(clientClosed.await(WAIT), "the refused client sees its connection closed");
            assertFalse(server.isPeerOpen("scs2.example.test"));
        }
    }

    @Test
    void peerWithoutInbandTlsGets5017() throws Exception {
        try (RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5))) {
            DiameterMessage cea = raw.openWithCer("plain.example.test", "example.test");
            assertEquals(5017, TestPeers.resultCode(cea));
            assertEquals(1, cea.avp(AvpCodes.INBAND_SECURITY_ID).orElseThrow().unsigned32());
            assertTrue(raw.closedByServer());
        }
    }
}

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.lab.pki.LabCertificateAuthority;

/**
 * One node, two listeners: TLS at connect on the first (the default), in-band TLS after CER/CEA on the second.
 * Each serves a peer of its own kind, and each refuses the other kind.
 */
class PerListenerTlsTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final LabCertificateAuthority CA = LabCertificateAuthority.create("listener CA", Duration.ofDays(1));
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static DiameterNode server;

    @BeforeAll
    static void start() throws Exception {
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral())
                .listen(TestPeers.ephemeral(), TlsMode.IN_BAND)
                .tls(CA.issue(SERVER, Duration.ofDays(1)).tlsSettings()).acceptUnknownPeers(true).build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(CALLS)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DiameterNode client(String host, TlsMode mode, InetSocketAddress to) throws Exception {
        return new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(host, "example.test"))
                .tls(CA.issue(host, Duration.ofDays(1)).tlsSettings(List.of(CA.certificate()))).tlsMode(mode)
                .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .peer(PeerConfig.connecting(SERVER, "operator.test", to)).build())
                .supportApplication(ApplicationIds.TSP).start();
    }

    @Test
    void twoListenersEachWithItsOwnTlsMode() throws Exception {
        assertEquals(2, server.localAddresses().size());
        assertEquals(server.localAddresses().get(0), server.localAddress());
        try (DiameterNode atConnect = client("scs-tls.example.test", TlsMode.AT_CONNECT, server.localAddresses().get(0));
             DiameterNode inband = client("scs-inband.example.test", TlsMode.IN_BAND, server.localAddresses().get(1))) {
            atConnect.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            inband.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(2001, TestPeers.resultCode(atConnect.sendRequest(
                    TestPeers.dar("scs-tls.example.test", "example.test", "operator.test", 1)).get(WAIT.toSeconds(), TimeUnit.SECONDS)));
            assertEquals(2001, TestPeers.resultCode(inband.sendRequest(
                    TestPeers.dar("scs-inband.example.test", "example.test", "operator.test", 2)).get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        }
    }

    @Test
    void inbandListenerRefusesAPlainCerAndTheOtherListenerSpeaksNoPlainDiameter() throws Exception {
        try (RawPeer raw = new RawPeer(server.localAddresses().get(1), Duration.ofSeconds(5))) {
            DiameterMessage cea = raw.openWithCer("plain.example.test", "example.test");
            assertEquals(5017, TestPeers.resultCode(cea), "in-band listener: CER without Inband-Security-Id TLS");
            assertEquals(1, cea.avp(AvpCodes.INBAND_SECURITY_ID).orElseThrow().unsigned32());
            assertTrue(raw.closedByServer());
        }
        CounterLatch handshakeFailed = CounterLatch.on(server, Counter.TLS_HANDSHAKE_FAILURES, 1);
        try (RawPeer raw = new RawPeer(server.localAddresses().get(0), Duration.ofSeconds(5))) {
            raw.send(RawPeer.cer("plain.example.test", "example.test"));
            assertTrue(raw.closedByServer(), "the TLS-at-connect listener does not answer a CER in clear");
        }
        assertTrue(handshakeFailed.await(WAIT));
        assertFalse(server.isPeerOpen("plain.example.test"));
    }
}

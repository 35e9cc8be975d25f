package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;

/**
 * Bad input from a raw socket: each case gets the RFC 6733 7.1 answer or a clean close, and a
 * well-behaved peer connected at the same time keeps getting answers.
 */
class MalformedInputTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String GOOD = "scs-good.example.test";
    private static final String RAW = "scs-raw.example.test";
    private static final Duration TW = Duration.ofMillis(400);
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static DiameterNode server;
    private static DiameterNode good;

    @BeforeAll
    static void start() throws Exception {
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).insecureLab(true).watchdogInterval(TW).maxMessageLength(8192)
                .peer(PeerConfig.accepting(GOOD, "example.test")).peer(PeerConfig.accepting(RAW, "example.test"))
                .build())
                .registerHandler(ApplicationIds.TSP, TestPeers.echoHandler(CALLS)).start();
        good = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(GOOD, "example.test")).insecureLab(true)
                .peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                .supportApplication(ApplicationIds.TSP).start();
        good.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        good.close();
        server.close();
    }

    /** After every case the good peer must still be served on its original connection. */
    @AfterEach
    void goodPeerStillServed() throws Exception {
        long closedBefore = good.counters().get(Counter.CONNECTIONS_CLOSED);
        DiameterMessage a = good.sendRequest(TestPeers.dar(GOOD, "example.test", "operator.test", 9))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(2001, TestPeers.resultCode(a));
        assertEquals(closedBefore, good.counters().get(Counter.CONNECTIONS_CLOSED));
    }

    private static RawPeer openRaw() throws Exception {
        RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5));
        DiameterMessage cea = raw.openWithCer(RAW, "example.test");
        assertEquals(2001, TestPeers.resultCode(cea));
        return raw;
    }

    private static DiameterMessage darFromRaw(int e2e) {
        return TestPeers.dar(RAW, "example.test", "operator.test", 1).toBuilder().hopByHopId(e2e).endToEndId(e2e).build();
    }

    private static Avp failedAvpContent(DiameterMessage answer) {
        return answer.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
    }

    @Test
    void truncatedHeaderThenEofIsClosedCleanly() throws Exception {
        CounterLatch failures = CounterLatch.on(server, Counter.DECODE_FAILURES, 1);
        try (RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5))) {
            raw.sendBytes(new byte[] {1, 0, 0, 64, (byte) 0x80, 0, 1, 1, 0, 0});
            raw.shutdownOutput();
            assertTrue(raw.closedByServer());
        }
        assertTrue(failures.await(WAIT));
    }

    @Test
    void wrongVersionIsAnswered5011AndClosed() throws Exception {
        try (RawPeer raw = openRaw()) {
            byte[] bytes = RawPeer.bytes(darFromRaw(2));
            bytes[0] = 2;
            raw.sendBytes(bytes);
            DiameterMessage answer = raw.read();
            assertEquals(5011, TestPeers.resultCode(answer));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void avpLengthPastMessageEndIs5014AndConnectionSurvives() throws Exception {
        try (RawPeer raw = openRaw()) {
            byte[] bytes = RawPeer.bytes(darFromRaw(3));
            // The first AVP (Session-Id) claims 0x200 octets, past the end of the message.
            bytes[20 + 5] = 0;
            bytes[20 + 6] = 2;
            bytes[20 + 7] = 0;
            raw.sendBytes(bytes);
            DiameterMessage answer = raw.read();
            assertEquals(5014, TestPeers.resultCode(answer));
            assertEquals(3, answer.hopByHopId());
            assertEquals(AvpCodes.SESSION_ID, failedAvpContent(answer).code());
            raw.send(darFromRaw(4));
            assertEquals(2001, TestPeers.resultCode(raw.read()), "framing intact, next request served");
        }
    }

    @Test
    void unknownMandatoryAvpIs5001WithFailedAvp() throws Exception {
        try (RawPeer raw = openRaw()) {
            Avp unknown = Avp.builder(4242).vendor(99).mandatory().utf8("surprise");
            raw.send(darFromRaw(5).toBuilder().avp(unknown).build());
            DiameterMessage answer = raw.read();
            assertEquals(5001, TestPeers.resultCode(answer));
            assertFalse(answer.isError(), "5xxx answers do not carry the E bit");
            assertEquals(unknown, failedAvpContent(answer));
            assertTrue(answer.avp(AvpCodes.SESSION_ID).isPresent());
        }
    }

    @Test
    void missingRequiredAvpIs5005NamingIt() throws Exception {
        try (RawPeer raw = openRaw()) {
            raw.send(darFromRaw(6).toBuilder().removeAvps(AvpCodes.AUTH_SESSION_STATE, 0).build());
            DiameterMessage answer = raw.read();
            assertEquals(5005, TestPeers.resultCode(answer));
            assertEquals(AvpCodes.AUTH_SESSION_STATE, failedAvpContent(answer).code());
        }
    }

    @Test
    void protocolErrorsCarryTheEBit() throws Exception {
        try (RawPeer raw = openRaw()) {
            raw.send(darFromRaw(7).toBuilder().applicationId(4).build());
            DiameterMessage a = raw.read();
            assertEquals(3007, TestPeers.resultCode(a));
            assertTrue(a.isError());
            raw.send(darFromRaw(8).toBuilder().commandCode(8388999).build());
            assertEquals(3001, TestPeers.resultCode(raw.read()));
            raw.send(darFromRaw(9).toBuilder().flags(DiameterMessage.FLAG_REQUEST).build());
            DiameterMessage noP = raw.read();
            assertEquals(3008, TestPeers.resultCode(noP));
            assertTrue(noP.isError());
        }
    }

    @Test
    void requestBeforeCerIsClosed() throws Exception {
        CounterLatch refused = CounterLatch.on(server, Counter.REQUEST_BEFORE_CER, 1);
        try (RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5))) {
            raw.send(darFromRaw(10));
            assertTrue(raw.closedByServer());
        }
        assertTrue(refused.await(WAIT));
    }

    @Test
    void cerFromUnknownPeerIs3010() throws Exception {
        try (RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5))) {
            DiameterMessage cea = raw.openWithCer("stranger.example.test", "example.test");
            assertEquals(3010, TestPeers.resultCode(cea));
            assertTrue(cea.isError());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void cerWithoutCommonApplicationGetsFullCea5010() throws Exception {
        try (RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(5))) {
            DiameterMessage cer = RawPeer.cer(RAW, "example.test").toBuilder()
                    .removeAvps(AvpCodes.VENDOR_SPECIFIC_APPLICATION_ID, 0)
                    .avp(org.mtcgate.diameter.dictionary.BaseAvps.authApplicationId(4)).build();
            raw.send(cer);
            DiameterMessage cea = raw.read();
            assertEquals(5010, TestPeers.resultCode(cea));
            assertFalse(cea.isError());
            assertTrue(cea.avp(AvpCodes.HOST_IP_ADDRESS).isPresent() && cea.avp(AvpCodes.PRODUCT_NAME).isPresent(),
                    "a 5xxx CEA keeps the CEA grammar (RFC 6733 5.3.2)");
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void sixteenMegabyteLengthIsRefusedAndClosed() throws Exception {
        try (RawPeer raw = openRaw()) {
            byte[] header = RawPeer.bytes(DiameterMessage.request(CommandCodes.DEVICE_WATCHDOG, 0, false)
                    .hopByHopId(11).endToEndId(11).build());
            header[1] = (byte) 0xFF;
            header[2] = (byte) 0xFF;
            header[3] = (byte) 0xFC;
            raw.sendBytes(header);
            DiameterMessage answer = raw.read();
            assertEquals(5015, TestPeers.resultCode(answer));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void peerThatStopsAnsweringDwrIsClosedByTheWatchdog() throws Exception {
        CounterLatch timeouts = CounterLatch.on(server, Counter.WATCHDOG_TIMEOUTS, 1);
        try (RawPeer raw = openRaw()) {
            DiameterMessage dwr = raw.readAny();
            assertEquals(CommandCodes.DEVICE_WATCHDOG, dwr.commandCode());
            assertTrue(dwr.isRequest());
            // No DWA: after another Tw the server declares the connection failed.
            assertTrue(raw.closedByServer());
        }
        assertTrue(timeouts.await(WAIT));
    }

    @Test
    void duplicateRequestIsAnsweredFromCacheNotHandledTwice() throws Exception {
        try (RawPeer raw = openRaw()) {
            int before = CALLS.get();
            DiameterMessage dar = darFromRaw(0x5150);
            raw.send(dar);
            DiameterMessage first = raw.read();
            raw.send(dar.toBuilder().retransmit(true).hopByHopId(0x5151).build());
            DiameterMessage second = raw.read();
            assertEquals(2001, TestPeers.resultCode(second));
            assertEquals(0x5151, second.hopByHopId());
            assertEquals(first.avps(), second.avps());
            assertEquals(before + 1, CALLS.get());
        }
    }
}

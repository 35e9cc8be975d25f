package org.mtcgate.diameter.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.peer.TestPeers.WAIT;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DecodeLimits;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.DoicAvps;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.CounterLatch;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.OverloadListener;
import org.mtcgate.diameter.peer.OverloadSettings;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.RawPeer;
import org.mtcgate.diameter.peer.TestPeers;

/**
 * Nesting, length and flood attacks on a real node over sockets. Each case asserts the answer on the wire,
 * that the application handler (the only way onward: store, filter, SMS-SC) was not reached by what was
 * refused, and, after every case, that another SCS is still served on its original connection.
 */
class LimitsAttackTest {
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String REALM = "example.test";
    private static final String GOOD = "scs-good.example.test";
    private static final String RAW = "scs-raw.example.test";
    private static final String FLOOD = "scs-flood.example.test";
    private static final String DOIC = "scs-doic.example.test";
    private static final int PER_PEER = 4;
    private static final int TOTAL = 16;
    private static final int TINY_AVP = 9999;

    private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
    /** Requests of the peers in {@link #HOLDING}, kept pending until a test completes them. */
    private static final LinkedBlockingQueue<Held> HELD = new LinkedBlockingQueue<>();
    private static final List<String> HOLDING = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final RefusalTally AUDITED_REFUSALS = new RefusalTally();
    private static final AtomicInteger IDS = new AtomicInteger(1000);
    private static DiameterNode server;
    private static DiameterNode good;

    /** Refusals reported to the overload listener, waited on with a deadline. */
    private static final class RefusalTally {
        private long total;

        synchronized void add(long n) {
            total += n;
            notifyAll();
        }

        synchronized long get() {
            return total;
        }

        synchronized boolean awaitAtLeast(long n, Duration d) throws InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (total < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    private record Held(CompletableFuture<DiameterMessage> answer, DiameterMessage reply) {
        void release() {
            answer.complete(reply);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        DiameterRequestHandler echo = TestPeers.echoHandler(new AtomicInteger());
        DiameterRequestHandler handler = (request, ctx) -> {
            HANDLED.computeIfAbsent(ctx.peerHost(), h -> new AtomicInteger()).incrementAndGet();
            CompletableFuture<DiameterMessage> reply = echo.handle(request, ctx).toCompletableFuture();
            if (!HOLDING.contains(ctx.peerHost())) {
                return reply;
            }
            CompletableFuture<DiameterMessage> later = new CompletableFuture<>();
            HELD.add(new Held(later, reply.join()));
            return later;
        };
        server = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(SERVER, "operator.test"))
                .listen(TestPeers.ephemeral()).insecureLab(true).maxMessageLength(1 << 20)
                .decodeLimits(DecodeLimits.DEFAULT)
                .overload(new OverloadSettings(PER_PEER, TOTAL, 50, Duration.ofSeconds(10)))
                .peer(PeerConfig.accepting(GOOD, REALM)).peer(PeerConfig.accepting(RAW, REALM))
                .peer(PeerConfig.accepting(FLOOD, REALM)).peer(PeerConfig.accepting(DOIC, REALM))
                .build())
                .registerHandler(ApplicationIds.TSP, handler)
                .onOverload((peer, scope, refused, pending, limit) -> AUDITED_REFUSALS.add(refused))
                .start();
        good = new DiameterNode(DiameterNodeConfig.builder(TestPeers.identity(GOOD, REALM)).insecureLab(true)
                .peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                .supportApplication(ApplicationIds.TSP).start();
        good.whenPeerOpen(SERVER).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        good.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        HOLDING.clear();
        HELD.clear();
    }

    /** After every case another SCS is served on its original connection, and nothing is left pending. */
    @AfterEach
    void otherPeerStillServed() throws Exception {
        HOLDING.clear();
        HELD.forEach(Held::release);
        long closedBefore = good.counters().get(Counter.CONNECTIONS_CLOSED);
        assertEquals(2001, TestPeers.resultCode(ask(good, dar(GOOD, IDS.incrementAndGet()))));
        assertEquals(closedBefore, good.counters().get(Counter.CONNECTIONS_CLOSED));
    }

    // ---- nesting and counts ------------------------------------------------------------------

    @Test
    void groupedAvpsNestedTenThousandDeepAre5004WithoutStackOverflow() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            raw.sendBytes(withAvpBytes(darWithoutDeviceAction(RAW, id), nestedDeviceActions(10_000)));
            DiameterMessage answer = raw.read();
            assertEquals(5004, TestPeers.resultCode(answer));
            assertEquals(id, answer.hopByHopId());
            Avp failed = failedAvpContent(answer);
            assertEquals(AvpCodes.DEVICE_ACTION, failed.code());
            assertEquals(0, failed.dataLength(), "Failed-AVP names the AVP, without echoing the nest");
            assertServedAfterwards(raw);
        }
        assertEquals(handled + 1, handled(RAW), "only the well-formed request reached the application");
    }

    @Test
    void nestingJustWithinTheLimitIsNotRefusedForDepth() throws Exception {
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            // Eight levels of Device-Action are allowed; the innermost is empty, the outer ones lack
            // Reference-Number, so the grammar (5005), not the depth limit, refuses it.
            raw.sendBytes(withAvpBytes(darWithoutDeviceAction(RAW, id), nestedDeviceActions(DecodeLimits.DEFAULT.maxGroupedDepth())));
            assertEquals(5005, TestPeers.resultCode(raw.read()));
        }
    }

    @Test
    void hundredThousandTinyAvpsAre5009AndTheConnectionGoesOn() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            ByteBuffer tiny = ByteBuffer.allocate(100_000 * 8);
            for (int i = 0; i < 100_000; i++) {
                tiny.putInt(TINY_AVP).putInt(8); // no flags, length 8, no data
            }
            raw.sendBytes(withAvpBytes(dar(RAW, id), tiny.array()));
            DiameterMessage answer = raw.read();
            assertEquals(5009, TestPeers.resultCode(answer));
            assertEquals(TINY_AVP, failedAvpContent(answer).code());
            assertServedAfterwards(raw);
        }
        assertEquals(handled + 1, handled(RAW));
    }

    @Test
    void tooManyAvpsInsideAGroupedAvpAre5009() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            ByteBuffer inner = ByteBuffer.allocate(12 + 2000 * 8);
            inner.putInt(AvpCodes.DEVICE_ACTION).putInt(0xC0 << 24 | inner.capacity()).putInt((int) VendorIds.TGPP);
            for (int i = 0; i < 2000; i++) {
                inner.putInt(TINY_AVP).putInt(8);
            }
            raw.sendBytes(withAvpBytes(darWithoutDeviceAction(RAW, id), inner.array()));
            DiameterMessage answer = raw.read();
            assertEquals(5009, TestPeers.resultCode(answer));
            assertEquals(TINY_AVP, failedAvpContent(answer).code());
            assertServedAfterwards(raw);
        }
        assertEquals(handled + 1, handled(RAW));
    }

    @Test
    void zeroLengthAvpInsideAGroupedAvpIs5014NamingTheGroup() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            ByteBuffer group = ByteBuffer.allocate(12 + 8);
            group.putInt(AvpCodes.DEVICE_ACTION).putInt(0xC0 << 24 | group.capacity()).putInt((int) VendorIds.TGPP);
            group.putInt(AvpCodes.REFERENCE_NUMBER).putInt(0xC0 << 24); // AVP Length 0: below its own header
            raw.sendBytes(withAvpBytes(darWithoutDeviceAction(RAW, id), group.array()));
            DiameterMessage answer = raw.read();
            assertEquals(5014, TestPeers.resultCode(answer));
            Avp failed = failedAvpContent(answer);
            assertEquals(AvpCodes.DEVICE_ACTION, failed.code());
            assertEquals(AvpCodes.REFERENCE_NUMBER, failed.groupedAvps().get(0).code());
            assertServedAfterwards(raw);
        }
        assertEquals(handled + 1, handled(RAW));
    }

    // ---- lengths -----------------------------------------------------------------------------

    @Test
    void avpLengthPastTheMessageIs5014AndFramingHolds() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            int id = IDS.incrementAndGet();
            byte[] bytes = RawPeer.bytes(dar(RAW, id));
            bytes[20 + 5] = 0x0F; // Session-Id claims ~1 MB, far past the end of the message
            raw.sendBytes(bytes);
            DiameterMessage answer = raw.read();
            assertEquals(5014, TestPeers.resultCode(answer));
            assertEquals(AvpCodes.SESSION_ID, failedAvpContent(answer).code());
            assertServedAfterwards(raw);
        }
        assertEquals(handled + 1, handled(RAW));
    }

    @Test
    void messageLengthAboveTheMaximumIs5015AndClosed() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            byte[] bytes = RawPeer.bytes(dar(RAW, IDS.incrementAndGet()));
            bytes[1] = (byte) 0x7F; // 8 MB, above the 1 MB maximum
            raw.sendBytes(bytes);
            assertEquals(5015, TestPeers.resultCode(raw.read()));
            assertTrue(raw.closedByServer());
        }
        assertEquals(handled, handled(RAW));
    }

    @Test
    void messageLengthBelowTheHeaderIs5015AndClosed() throws Exception {
        int handled = handled(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            byte[] bytes = RawPeer.bytes(dar(RAW, IDS.incrementAndGet()));
            bytes[1] = 0;
            bytes[2] = 0;
            bytes[3] = 12;
            raw.sendBytes(bytes);
            assertEquals(5015, TestPeers.resultCode(raw.read()));
            assertTrue(raw.closedByServer());
        }
        assertEquals(handled, handled(RAW));
    }

    // ---- floods and DOIC ---------------------------------------------------------------------

    @Test
    void floodAtTenTimesItsShareGets3004WhileAnotherScsIsServed() throws Exception {
        HOLDING.add(FLOOD);
        long audited = AUDITED_REFUSALS.get();
        long tooBusy = server.counters().get(Counter.TOO_BUSY_ANSWERS);
        int handled = handled(FLOOD);
        int flood = 10 * PER_PEER;
        try (RawPeer raw = openRaw(FLOOD)) {
            int first = IDS.getAndAdd(flood) + 1;
            for (int i = 0; i < flood; i++) {
                raw.send(dar(FLOOD, first + i));
            }
            // The first PER_PEER are admitted and held; every further one is refused at once.
            for (int i = PER_PEER; i < flood; i++) {
                DiameterMessage a = raw.read();
                assertEquals(3004, TestPeers.resultCode(a));
                assertTrue(a.isError(), "3004 is a protocol error: E bit");
                assertTrue(a.hopByHopId() >= first + PER_PEER, "an admitted request was refused");
            }
            // Meanwhile the other SCS gets every answer, several times over.
            for (int i = 0; i < 3; i++) {
                assertEquals(2001, TestPeers.resultCode(ask(good, dar(GOOD, IDS.incrementAndGet()))));
            }
            assertEquals(handled + PER_PEER, handled(FLOOD), "refused requests never reached the application");
            for (int i = 0; i < PER_PEER; i++) {
                held().release();
                DiameterMessage a = raw.read();
                assertEquals(2001, TestPeers.resultCode(a));
                assertTrue(a.hopByHopId() < first + PER_PEER);
            }
            HOLDING.clear();
            raw.send(dar(FLOOD, IDS.incrementAndGet()));
            assertEquals(2001, TestPeers.resultCode(raw.read()), "admitted again once its share is free");
        }
        assertEquals(tooBusy + flood - PER_PEER, server.counters().get(Counter.TOO_BUSY_ANSWERS));
        assertTrue(AUDITED_REFUSALS.awaitAtLeast(audited + flood - PER_PEER, WAIT),
                "every refusal reached the audit listener (aggregated, within about a second)");
        assertEquals(audited + flood - PER_PEER, AUDITED_REFUSALS.get(), "and none twice");
    }

    @Test
    void doicPeerGetsOverloadReportsAndTheirEnd() throws Exception {
        HOLDING.add(DOIC);
        try (RawPeer raw = openRaw(DOIC)) {
            for (int i = 0; i < PER_PEER; i++) {
                raw.send(withDoic(dar(DOIC, IDS.incrementAndGet())));
            }
            List<Held> held = new ArrayList<>();
            for (int i = 0; i < PER_PEER; i++) {
                held.add(held());
            }
            raw.send(withDoic(dar(DOIC, IDS.incrementAndGet())));
            DiameterMessage busy = raw.read();
            assertEquals(3004, TestPeers.resultCode(busy));
            assertEquals(DoicAvps.OLR_DEFAULT_ALGO, featureVector(busy));
            Avp olr = busy.avp(DoicAvps.OC_OLR).orElseThrow();
            long seq = child(olr, DoicAvps.OC_SEQUENCE_NUMBER).unsigned64();
            assertEquals(DoicAvps.HOST_REPORT, child(olr, DoicAvps.OC_REPORT_TYPE).unsigned32());
            assertEquals(50, child(olr, DoicAvps.OC_REDUCTION_PERCENTAGE).unsigned32());
            assertEquals(10, child(olr, DoicAvps.OC_VALIDITY_DURATION).unsigned32());

            // Draining: 4 and 3 pending are over the share (3 of 4), so the report stays; at 2 it ends.
            held.get(0).release();
            assertEquals(seq, olrSequence(raw.read()));
            held.get(1).release();
            assertEquals(seq, olrSequence(raw.read()));
            held.get(2).release();
            DiameterMessage end = raw.read();
            Avp endOlr = end.avp(DoicAvps.OC_OLR).orElseThrow();
            assertTrue(child(endOlr, DoicAvps.OC_SEQUENCE_NUMBER).unsigned64() > seq, "a new report has a higher number");
            assertEquals(0, child(endOlr, DoicAvps.OC_VALIDITY_DURATION).unsigned32(), "validity 0 ends the report");
            held.get(3).release();
            DiameterMessage after = raw.read();
            assertEquals(2001, TestPeers.resultCode(after));
            assertEquals(DoicAvps.OLR_DEFAULT_ALGO, featureVector(after));
            assertFalse(after.avp(DoicAvps.OC_OLR).isPresent());
        }
    }

    @Test
    void peerWithoutDoicGets3004WithoutDoicAvps() throws Exception {
        HOLDING.add(RAW);
        try (RawPeer raw = openRaw(RAW)) {
            for (int i = 0; i < PER_PEER; i++) {
                raw.send(dar(RAW, IDS.incrementAndGet()));
            }
            List<Held> held = new ArrayList<>();
            for (int i = 0; i < PER_PEER; i++) {
                held.add(held());
            }
            raw.send(dar(RAW, IDS.incrementAndGet()));
            DiameterMessage busy = raw.read();
            assertEquals(3004, TestPeers.resultCode(busy));
            assertFalse(busy.avp(DoicAvps.OC_OLR).isPresent());
            assertFalse(busy.avp(DoicAvps.OC_SUPPORTED_FEATURES).isPresent());
            held.forEach(Held::release);
            for (int i = 0; i < PER_PEER; i++) {
                DiameterMessage a = raw.read();
                assertEquals(2001, TestPeers.resultCode(a));
                assertFalse(a.avp(DoicAvps.OC_OLR).isPresent());
                assertFalse(a.avp(DoicAvps.OC_SUPPORTED_FEATURES).isPresent());
            }
        }
    }

    @Test
    void handlerFailureIsCountedAndAnswered5012() throws Exception {
        // A request that makes the echo handler throw (no Device-Action): the failed future is reported and
        // counted, and the peer gets 5012 rather than silence.
        CounterLatch internal = CounterLatch.on(server, Counter.INTERNAL_ERRORS, 1);
        try (RawPeer raw = openRaw(RAW)) {
            raw.send(darWithoutDeviceAction(RAW, IDS.incrementAndGet()));
            assertEquals(5012, TestPeers.resultCode(raw.read()));
            assertTrue(internal.await(WAIT));
            assertServedAfterwards(raw);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static RawPeer openRaw(String host) throws Exception {
        RawPeer raw = new RawPeer(server.localAddress(), Duration.ofSeconds(10));
        assertEquals(2001, TestPeers.resultCode(raw.openWithCer(host, REALM)));
        return raw;
    }

    private static int handled(String host) {
        return HANDLED.computeIfAbsent(host, h -> new AtomicInteger()).get();
    }

    private static Held held() throws InterruptedException {
        Held h = HELD.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(h, "the handler was not reached");
        return h;
    }

    private static DiameterMessage ask(DiameterNode client, DiameterMessage request) throws Exception {
        return client.sendRequest(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The raw connection still works: a well-formed DAR is answered 2001. */
    private static void assertServedAfterwards(RawPeer raw) throws Exception {
        raw.send(dar(RAW, IDS.incrementAndGet()));
        DiameterMessage ok = raw.read();
        assertEquals(2001, TestPeers.resultCode(ok), "framing intact, next request served");
    }

    private static DiameterMessage dar(String host, int id) {
        return TestPeers.dar(host, REALM, "operator.test", id).toBuilder().hopByHopId(id).endToEndId(id).build();
    }

    private static DiameterMessage darWithoutDeviceAction(String host, int id) {
        return dar(host, id).toBuilder().removeAvps(AvpCodes.DEVICE_ACTION, VendorIds.TGPP).build();
    }

    private static DiameterMessage withDoic(DiameterMessage m) {
        return m.toBuilder().avp(DoicAvps.supportedFeatures(DoicAvps.OLR_DEFAULT_ALGO)).build();
    }

    /** {@code depth} Device-Action AVPs, each the only content of the one around it (V and M bits set). */
    private static byte[] nestedDeviceActions(int depth) {
        ByteBuffer b = ByteBuffer.allocate(12 * depth);
        for (int level = 0; level < depth; level++) {
            b.putInt(AvpCodes.DEVICE_ACTION).putInt(0xC0 << 24 | 12 * (depth - level)).putInt((int) VendorIds.TGPP);
        }
        return b.array();
    }

    /** The encoded message with {@code avps} appended and the Message Length fixed. */
    private static byte[] withAvpBytes(DiameterMessage m, byte[] avps) {
        byte[] head = RawPeer.bytes(m);
        byte[] out = Arrays.copyOf(head, head.length + avps.length);
        System.arraycopy(avps, 0, out, head.length, avps.length);
        out[1] = (byte) (out.length >>> 16);
        out[2] = (byte) (out.length >>> 8);
        out[3] = (byte) out.length;
        return out;
    }

    private static Avp failedAvpContent(DiameterMessage answer) {
        return answer.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
    }

    private static long featureVector(DiameterMessage m) {
        return child(m.avp(DoicAvps.OC_SUPPORTED_FEATURES).orElseThrow(), DoicAvps.OC_FEATURE_VECTOR).unsigned64();
    }

    private static long olrSequence(DiameterMessage m) {
        assertEquals(2001, TestPeers.resultCode(m));
        return child(m.avp(DoicAvps.OC_OLR).orElseThrow(), DoicAvps.OC_SEQUENCE_NUMBER).unsigned64();
    }

    private static Avp child(Avp grouped, int code) {
        Optional<Avp> c = grouped.groupedAvps().stream().filter(a -> a.code() == code).findFirst();
        return c.orElseThrow(() -> new AssertionError("no AVP " + code + " in " + grouped));
    }
}

package org.mtcgate.map.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.concat.ConcatenationTracker;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MoSender;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RouterLab;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.lab.map.StackPair;
import org.mtcgate.map.smsc.MoForwardSmHandler;
import org.mtcgate.map.smsc.MoObserver;
import org.mtcgate.map.smsc.MoShortMessage;
import org.mtcgate.map.stack.Transport;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.map.tpdu.Hex;
import org.mtcgate.map.tpdu.SmsDeliver;

/**
 * Screening attacks on the SMS Router (GSMA FS.11 category 2/3: SIM OTA, triggers and malformed TPDUs through
 * Home Network Routing), driven over real M3UA/TCP: a foreign SMSC, the router, an HLR and an MSC, each its own
 * jSS7 stack. Every SM-RP-UI is written here octet by octet, so the router sees exactly what an attacker would
 * send. Each case asserts the MAP answer, what reached the MSC (nothing when refused), the observer's event with
 * its rule or protocol error, and that an ordinary SM is still delivered afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningAttackTest {
    private static final long WAIT = 15;
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";
    private static final int TRIGGER_PORT = 9200;
    /** TP-OA 4930123456, as it appears in an SMS-DELIVER. */
    private static final String OA = "0A 91 9403214365";
    private static final String SCTS = "62112231146340";

    @TempDir
    static Path dataDir;

    private RouterLab lab;
    private MscPeer msc;
    private SmsRouter router;
    private SmscPeer foreign;
    private SmscPeer home;
    private final Events events = new Events();

    @BeforeAll
    void startLab() throws Exception {
        lab = RouterLab.assemble(dataDir, 1_500);
        new HlrPeer(lab.hlr).provision(MSISDN, new HlrPeer.Subscription(IMSI, RouterLab.MSC_GT));
        msc = new MscPeer(lab.msc);
        FilterEngine engine = engine();
        router = SmsRouter.attach(lab.router, RouterConfig.of(RouterLab.ROUTER_GT, RouterLab.HLR_GT, "26201",
                Duration.ofMinutes(2)), engine, new MemoryCorrelationStore(10_000),
                new MutableClock(Instant.parse("2026-12-02T12:00:00Z")), events);
        foreign = new SmscPeer(lab.smsc);
        home = new SmscPeer(lab.homeSmsc, LabPolicy.HOME_TRIGGER_SMSC, LabPolicy.HOME_TRIGGER_SMSC); // over its home link
        lab.connect(WAIT, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void clear() {
        events.clear();
    }

    // ---- (U)SIM markers whatever the TP-PID ----

    @Test
    void otaCommandPacketHeaderWithPid00IsBlocked() throws Exception {
        assertBlocked(deliver("44", "00", "04", "08 027000 0102030405"), "router-foreign-sim-data-download");
    }

    @Test
    void otaResponsePacketHeaderIsBlocked() throws Exception {
        assertBlocked(deliver("44", "00", "04", "05 027100 0102"), "router-foreign-sim-data-download");
    }

    @Test
    void anyIeOfTheSimToolkitSecurityHeaderRangeIsBlocked() throws Exception {
        assertBlocked(deliver("44", "00", "04", "06 03 7F0100 0102"), "router-foreign-sim-data-download");
    }

    @Test
    void class2DataCodingWithPid00IsBlocked() throws Exception {
        assertBlocked(deliver("04", "00", "16", "03 010203"), "router-foreign-sim-data-download");
    }

    @Test
    void class2InTheMessageClassGroupIsBlocked() throws Exception {
        assertBlocked(deliver("04", "00", "F6", "03 010203"), "router-foreign-sim-data-download");
    }

    @Test
    void simDataDownloadPidWithSevenBitTextIsBlocked() throws Exception {
        assertBlocked(deliver("04", "7F", "00", "05 E8329BFD06"), "router-foreign-sim-data-download");
    }

    @Test
    void triggerPortWithPid00IsATrigger() throws Exception {
        assertBlocked(deliver("44", "00", "04", "09 06 0504 23F0 0000 AABB"), "router-foreign-trigger");
    }

    @Test
    void triggerPortInAnEightBitPortIeIsNotATriggerPort() throws Exception {
        // IEI 04 names 8-bit ports; 0xF0 is not 9200: ordinary, delivered.
        assertDelivered(foreign, deliver("44", "00", "04", "07 04 0402F000 AABB"));
    }

    @Test
    void aTriggerPortHiddenBehindASecondPortIeIsRefused() throws Exception {
        // 9.2.3.24 says the last IE wins; a handset taking the first would wake the trigger application.
        assertMalformed(deliver("44", "00", "04", "0F 0C 0504 23F0 0000 0504 04D2 0000 AABB"), "UDH IE");
    }

    @Test
    void twoConcatenationIesAreRefused() throws Exception {
        assertMalformed(deliver("44", "00", "04", "0D 0B 000312 0201 08 04 1234 0201 AA"), "UDH IE");
    }

    @ParameterizedTest(name = "TP-PID {0} is {1}")
    @CsvSource({
        "40, router-foreign-type-0", "41, router-foreign-replace", "42, router-foreign-replace",
        "43, router-foreign-replace", "44, router-foreign-replace", "45, router-foreign-replace",
        "46, router-foreign-replace", "47, router-foreign-replace", "7C, router-foreign-sim-data-download",
        "7D, router-foreign-me-data-download", "7E, router-foreign-me-depersonalization",
        "7F, router-foreign-sim-data-download", "49, router-foreign-reserved-pid", "5E, router-foreign-reserved-pid",
        "7B, router-foreign-reserved-pid", "80, router-foreign-reserved-pid", "BF, router-foreign-reserved-pid",
        "C0, router-foreign-reserved-pid", "FF, router-foreign-reserved-pid"})
    void protectedPidsFromAForeignSmscAreBlocked(String pid, String rule) throws Exception {
        assertBlocked(deliver("04", pid, "04", "02 0102"), rule);
    }

    @Test
    void theHomeOtaPlatformStillReachesTheCard() throws Exception {
        SmscPeer ota = new SmscPeer(lab.homeSmsc, LabPolicy.HOME_TRIGGER_SMSC, LabPolicy.HOME_TRIGGER_SMSC);
        String platformOa = "0C 91 947192990000"; // 491729990000
        byte[] tpdu = Hex.parse("44" + platformOa + "7F F6" + SCTS + "08 027000 0102030405");
        SmsDeliver got = assertDelivered(ota, tpdu);
        assertEquals(0x7F, got.protocolIdentifier());
        assertEquals("home-network.ota-platform.router", lastForwarded().verdict().ruleId());
    }

    // ---- concatenated SMs ----

    @Test
    void aProtectedSecondPartBlocksTheRestOfTheMessage() throws Exception {
        RoutingInfo routing = sri(foreign);
        int before = msc.deliveredTo(IMSI).size();
        send(foreign, routing, deliver("44", "00", "04", "08 0500031103 01 AABB")).get(WAIT, TimeUnit.SECONDS);
        assertEquals(before + 1, msc.deliveredTo(IMSI).size(), "part 1 looked ordinary and was relayed");
        lastForwarded();
        routing = sri(foreign);
        assertEquals(MAPErrorCode.facilityNotSupported, failureOf(send(foreign, routing,
                deliver("44", "00", "04", "0A 07 000311 0302 7000 AABB"))).errorCode().orElseThrow());
        assertEquals("router-foreign-sim-data-download", lastBlocked().verdict().ruleId());
        routing = sri(foreign);
        assertEquals(MAPErrorCode.facilityNotSupported, failureOf(send(foreign, routing,
                deliver("44", "00", "04", "08 0500031103 03 AABB"))).errorCode().orElseThrow());
        Blocked third = lastBlocked();
        assertEquals(ConcatenationTracker.RULE, third.verdict().ruleId());
        assertTrue(third.verdict().reason().contains("1 earlier part"), third.verdict().reason());
        assertEquals(before + 1, msc.deliveredTo(IMSI).size(), "parts 2 and 3 never reached the MSC");
        assertStillServes();
    }

    @Test
    void aProtectedFirstPartBlocksTheLaterCleanParts() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        assertEquals(MAPErrorCode.facilityNotSupported, failureOf(send(foreign, sri(foreign),
                deliver("44", "7F", "F6", "09 07 000322 0201 7000 AA"))).errorCode().orElseThrow());
        assertEquals("router-foreign-sim-data-download", lastBlocked().verdict().ruleId());
        assertEquals(MAPErrorCode.facilityNotSupported, failureOf(send(foreign, sri(foreign),
                deliver("44", "00", "04", "07 0500032202 02 AA"))).errorCode().orElseThrow());
        assertEquals(ConcatenationTracker.RULE, lastBlocked().verdict().ruleId());
        assertEquals(before, msc.deliveredTo(IMSI).size());
        assertStillServes();
    }

    @Test
    void aConcatenationIeNamingPartZeroIsRefused() throws Exception {
        assertMalformed(deliver("44", "00", "04", "07 0500033302 00 AA"), "UDH IE");
    }

    // ---- status reports ----

    @Test
    void aStatusReportCarryingAnOtaHeaderIsBlocked() throws Exception {
        byte[] report = Hex.parse("42 05" + OA + SCTS + SCTS + "00 06 04 08 027000 0102030405");
        assertBlocked(report, "router-foreign-sim-data-download");
    }

    @Test
    void aStatusReportWithSimDataDownloadPidIsBlocked() throws Exception {
        assertBlocked(Hex.parse("02 05" + OA + SCTS + SCTS + "00 01 7F"), "router-foreign-sim-data-download");
    }

    @Test
    void aStatusReportWithReservedParameterIndicatorBitsIsRefused() throws Exception {
        assertMalformed(Hex.parse("02 05" + OA + SCTS + SCTS + "00 81 00"), "TP-PI");
    }

    // ---- TPDUs a handset would read otherwise ----

    @Test
    void udlLongerThanTheDataIsRefused() throws Exception {
        assertMalformed(deliver("04", "00", "04", "09 0102"), "TP-UDL");
    }

    @Test
    void trailingOctetsAfterTheUserDataAreRefused() throws Exception {
        assertMalformed(deliver("04", "00", "04", "01 01 0203"), "TP-UD");
    }

    @Test
    void udhlRunningPastTheUserDataIsRefused() throws Exception {
        assertMalformed(deliver("44", "00", "04", "03 05 0102"), "UDHL");
    }

    @Test
    void reservedMessageTypeIsRefused() throws Exception {
        assertMalformed(deliver("07", "00", "04", "01 01"), "TP-MTI");
    }

    @Test
    void submitReportMessageTypeIsRefused() throws Exception {
        assertMalformed(deliver("05", "00", "04", "01 01"), "TP-MTI");
    }

    @Test
    void unusedFirstOctetBitIsRefused() throws Exception {
        assertMalformed(deliver("14", "00", "04", "01 01"), "encoding");
    }

    @Test
    void addressFillerOtherThanFIsRefused() throws Exception {
        // 11 digits: the last octet's high semi-octet must be the filler F; 0 makes the length disagree.
        assertMalformed(Hex.parse("04 0B 91 9403214365 07 00 04" + SCTS + "01 01"), "encoding");
    }

    @Test
    void addressLengthPastTheOctetsIsRefused() throws Exception {
        assertMalformed(Hex.parse("04 0C 91 9403214365 F7 00 04" + SCTS + "01 01"), "TP-OA");
    }

    @Test
    void sevenBitFillBitsAfterTheUdhAreRefused() throws Exception {
        // UDH of 6 octets (48 bits), 1 fill bit, then "AB" (canonical 82 42); the fill bit is set here.
        assertMalformed(deliver("44", "00", "00", "09 050003440101 83 42"), "encoding");
    }

    @Test
    void sevenBitUdlShorterThanItsUdhIsRefused() throws Exception {
        assertMalformed(deliver("44", "00", "00", "01 00"), "TP-UDL"); // a 1-octet UDH is 2 septets
    }

    // ---- the MO path: SMS-SUBMIT and SMS-COMMAND from a UE, at the SMS-SC ----

    /**
     * MO-ForwardSM from an MSC stack to the SMS-SC's {@link MoForwardSmHandler}, with the same policy. Each case
     * asserts the MAP answer, that the sink got nothing, the observer event with its rule or protocol error, and
     * that an ordinary SMS-SUBMIT is still taken afterwards.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MoPath {
        private static final String UE = "491701000009";
        /** TP-DA 491709876543. */
        private static final String DA = "0C 91 947190785634";

        private StackPair stacks;
        private MoSender mscSide;
        private MoForwardSmHandler handler;
        private final LinkedBlockingQueue<MoShortMessage> sink = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<Verdict> blocked = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<Error> errors = new LinkedBlockingQueue<>();

        @BeforeAll
        void start() throws Exception {
            stacks = StackPair.assemble(dataDir.resolve("mo"), Transport.TCP, 0, org.mtcgate.filter.Zone.HOME); // a home MSC
            mscSide = new MoSender(stacks.gateway);
            handler = MoForwardSmHandler.attach(stacks.network, engine(), sm -> {
                sink.add(sm);
                return CompletableFuture.completedFuture(null);
            }, new MoObserver() {
                @Override
                public void blocked(InboundItem item, Verdict verdict) {
                    blocked.add(verdict);
                }

                @Override
                public void protocolError(ProtocolError error, String detail) {
                    errors.add(new Error(error, detail));
                }
            }, Set.of(LabPolicy.HOME_TRIGGER_SMSC));
            stacks.connect(WAIT, TimeUnit.SECONDS);
        }

        @AfterAll
        void stop() {
            if (stacks != null) {
                stacks.close();
            }
        }

        @BeforeEach
        void clearMo() {
            sink.clear();
            blocked.clear();
            errors.clear();
        }

        @Test
        void commandForATriggerIsBlocked() throws Exception {
            assertMoBlocked(Hex.parse("02 08 48 02 07" + DA + "00"), "mo-trigger-from-ue");
        }

        @Test
        void commandCarryingAnOtaHeaderIsBlocked() throws Exception {
            assertMoBlocked(Hex.parse("42 08 00 00 07" + DA + "05 027000 AABB"), "mo-sim-data-download-from-ue");
        }

        @Test
        void anOrdinaryCommandIsScreenedThenNotServed() throws Exception {
            MapFailure failure = failureOf(mo(Hex.parse("02 08 00 02 07" + DA + "00")));
            assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
            assertEquals(ProtocolError.COMMAND_NOT_SERVED, errors.poll(WAIT, TimeUnit.SECONDS).error());
            assertNull(sink.poll());
            assertMoStillServes();
        }

        @Test
        void commandWithAReservedCommandTypeIsRefused() throws Exception {
            assertMoMalformed(Hex.parse("02 08 00 10 07" + DA + "00"), "TP-CT");
        }

        @Test
        void commandDataLengthLyingIsRefused() throws Exception {
            assertMoMalformed(Hex.parse("02 08 00 00 07" + DA + "05 AABB"), "TP-CDL");
        }

        @Test
        void submitWithClass2DataCodingIsBlocked() throws Exception {
            assertMoBlocked(Hex.parse("01 07" + DA + "00 16 02 AABB"), "mo-sim-data-download-from-ue");
        }

        @Test
        void submitToATriggerPortIsBlocked() throws Exception {
            assertMoBlocked(Hex.parse("41 07" + DA + "00 04 09 06 0504 23F0 0000 AABB"), "mo-trigger-from-ue");
        }

        @Test
        void reservedMessageTypeFromAUeIsRefused() throws Exception {
            assertMoMalformed(Hex.parse("03 07" + DA + "00 04 01 AA"), "TP-MTI");
        }

        @Test
        void deliverReportTypeInMoForwardSmIsRefused() throws Exception {
            assertMoMalformed(Hex.parse("00 07" + DA + "00 04 01 AA"), "TP-MTI");
        }

        private CompletableFuture<Void> mo(byte[] tpdu) {
            return mscSide.moForwardSm(LabPolicy.HOME_TRIGGER_SMSC, StackPair.HLR_GT, UE, tpdu, 3);
        }

        private void assertMoBlocked(byte[] tpdu, String rule) throws Exception {
            long before = handler.counters().blocked();
            assertEquals(MAPErrorCode.facilityNotSupported, failureOf(mo(tpdu)).errorCode().orElseThrow());
            Verdict verdict = blocked.poll(WAIT, TimeUnit.SECONDS);
            assertEquals(rule, verdict == null ? null : verdict.ruleId());
            assertNull(sink.poll(), "nothing reached the sink");
            assertEquals(before + 1, handler.counters().blocked());
            assertMoStillServes();
        }

        private void assertMoMalformed(byte[] tpdu, String field) throws Exception {
            assertEquals(MAPErrorCode.smDeliveryFailure, failureOf(mo(tpdu)).errorCode().orElseThrow());
            Error error = errors.poll(WAIT, TimeUnit.SECONDS);
            assertEquals(ProtocolError.MALFORMED_TPDU, error.error());
            assertTrue(error.detail().startsWith(field + " at offset"), error.detail());
            assertNull(sink.poll(), "nothing reached the sink");
            assertMoStillServes();
        }

        private void assertMoStillServes() throws Exception {
            mo(Hex.parse("01 07" + DA + "00 04 02 4F4B")).get(WAIT, TimeUnit.SECONDS);
            MoShortMessage sm = sink.poll(WAIT, TimeUnit.SECONDS);
            assertEquals(UE, sm.originator().digits());
        }
    }

    // ---- helpers ----

    private static FilterEngine engine() throws Exception {
        String yaml = """
                version: 1
                trigger-ports: [%d]
                home-network:
                  trigger-sms-sc: ["%s"]
                  ota-platforms: ["%s"]
                """.formatted(TRIGGER_PORT, LabPolicy.HOME_TRIGGER_SMSC, LabPolicy.OTA_PLATFORM);
        return new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("attack-policy.yaml", yaml, ListSource.NONE), TimeSource.SYSTEM);
    }

    private static byte[] deliver(String first, String pid, String dcs, String udlAndUd) {
        return Hex.parse(first + OA + pid + dcs + SCTS + udlAndUd);
    }

    private void assertBlocked(byte[] tpdu, String rule) throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        long blocked = router.counters().blocked();
        MapFailure failure = failureOf(send(foreign, sri(foreign), tpdu));
        assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
        Blocked event = lastBlocked();
        assertEquals(rule, event.verdict().ruleId(), event.item().describe());
        assertEquals(IMSI, event.item().targetImsi().digits());
        assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        assertEquals(blocked + 1, router.counters().blocked());
        assertStillServes();
    }

    private void assertMalformed(byte[] tpdu, String field) throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        MapFailure failure = failureOf(send(foreign, sri(foreign), tpdu));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        Error error = events.errors.poll(WAIT, TimeUnit.SECONDS);
        assertEquals(ProtocolError.MALFORMED_TPDU, error.error());
        assertTrue(error.detail().startsWith(field + " at offset"), error.detail());
        assertNull(events.blocked.poll(), "refused before the filter");
        assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        assertStillServes();
    }

    private SmsDeliver assertDelivered(SmscPeer smsc, byte[] tpdu) throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        send(smsc, sri(smsc), tpdu).get(WAIT, TimeUnit.SECONDS);
        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(before + 1, got.size());
        return got.get(got.size() - 1);
    }

    /** An ordinary SM from the foreign SMSC still reaches the MSC. */
    private void assertStillServes() throws Exception {
        events.forwarded.clear();
        assertDelivered(foreign, deliver("04", "00", "04", "02 4F4B"));
        Forwarded f = lastForwarded();
        assertTrue(f.outcome().delivered());
        assertEquals("default-ordinary", f.verdict().ruleId());
    }

    private RoutingInfo sri(SmscPeer smsc) throws Exception {
        return smsc.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Void> send(SmscPeer smsc, RoutingInfo routing, byte[] tpdu) {
        return smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu, false);
    }

    private static MapFailure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
        return assertInstanceOf(MapFailure.class, e.getCause());
    }

    private Blocked lastBlocked() throws InterruptedException {
        Blocked b = events.blocked.poll(WAIT, TimeUnit.SECONDS);
        if (b == null) {
            throw new AssertionError("no block was reported");
        }
        return b;
    }

    private Forwarded lastForwarded() throws InterruptedException {
        Forwarded f = events.forwarded.poll(WAIT, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no forwarding was reported");
        }
        return f;
    }

    private record Blocked(InboundItem item, Verdict verdict) {
    }

    private record Forwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
    }

    private record Error(ProtocolError error, String detail) {
    }

    /** The router's reports, the events the node's audit log writes. */
    private static final class Events implements RouterObserver {
        final LinkedBlockingQueue<Blocked> blocked = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Forwarded> forwarded = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Error> errors = new LinkedBlockingQueue<>();

        @Override
        public void smBlocked(InboundItem item, Verdict verdict) {
            blocked.add(new Blocked(item, verdict));
        }

        @Override
        public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
            forwarded.add(new Forwarded(item, verdict, outcome));
        }

        @Override
        public void protocolError(ProtocolError error, String detail) {
            errors.add(new Error(error, detail));
        }

        void clear() {
            blocked.clear();
            forwarded.clear();
            errors.clear();
        }
    }
}

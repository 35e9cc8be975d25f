package org.mtcgate.map.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.map.attack.AttackLab.INTL2_GT;
import static org.mtcgate.map.attack.AttackLab.INTL_GT;
import static org.mtcgate.map.attack.AttackLab.ROUTER_GT;
import static org.mtcgate.map.attack.wire.Tcap.SHORT_MSG_GATEWAY;
import static org.mtcgate.map.attack.wire.Tcap.SHORT_MSG_MT_RELAY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.attack.wire.Ber;
import org.mtcgate.map.attack.wire.MapParams;
import org.mtcgate.map.attack.wire.RawM3uaPeer;
import org.mtcgate.map.attack.wire.Tcap;
import org.mtcgate.map.dialog.DialogLimits;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.Refusal;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.map.testing.Sms;

/**
 * Dialog-level attacks on the SMS Router from an interconnect peer that speaks raw M3UA/SCCP/TCAP/MAP bytes
 * (GSMA FS.11 category 1/3 style: malformed, non-canonical and resource-exhausting TCAP). Each case asserts the
 * answer on the wire, that nothing reached the HLR or MSC simulator that should not have, the refusal event
 * (which the node audits), and that a legitimate jSS7 SMSC on another link is still served afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialogAttackTest {
    private static final long WAIT_MS = 10_000;
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";
    private static final int ABNORMAL_DIALOGUE = 0;
    private static final int INVALID_PDU = 1;
    private static final int UNRECOGNIZED_TX_ID = 1;
    private static final int RESOURCE_LIMITATION = 4;
    private static final int FACILITY_NOT_SUPPORTED = 21;
    private static final int SYSTEM_FAILURE = 34;
    private static final int SM_DELIVERY_FAILURE = 32;
    private static final int PER_PEER = 5;

    @TempDir
    static Path dataDir;

    private AttackLab lab;
    private SmsRouter router;
    private HoldingHlr hlr;
    private MscPeer msc;
    private SmscPeer smsc;
    private RawM3uaPeer intl;
    private RawM3uaPeer intl2;
    private final LinkedBlockingQueue<Refusal> refusals = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Verdict> blocked = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<ProtocolError> routerErrors = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        lab = AttackLab.assemble(dataDir, 3_000, new DialogLimits(200, PER_PEER, 2_000));
        hlr = new HoldingHlr(lab.hlr, new HlrPeer(lab.hlr).provision(MSISDN,
                new HlrPeer.Subscription(IMSI, AttackLab.MSC_GT)));
        msc = new MscPeer(lab.msc);
        router = SmsRouter.attach(lab.router, RouterConfig.of(ROUTER_GT, AttackLab.HLR_GT, "26201",
                Duration.ofMinutes(5)), LabPolicy.engine(), new MemoryCorrelationStore(10_000), Clock.systemUTC(),
                new RouterObserver() {
                    @Override
                    public void smBlocked(InboundItem item, Verdict verdict) {
                        blocked.add(verdict);
                    }

                    @Override
                    public void protocolError(ProtocolError error, String detail) {
                        routerErrors.add(error);
                    }
                });
        lab.router.gate().addRefusalListener(refusals::add);
        smsc = new SmscPeer(lab.smsc);
        lab.connect(10, TimeUnit.SECONDS);
        intl = RawM3uaPeer.connect(lab.intlClientPort, lab.intlServerPort, AttackLab.INTL_RC, AttackLab.INTL_PC,
                AttackLab.ROUTER_PC, INTL_GT, WAIT_MS);
        intl2 = RawM3uaPeer.connect(lab.intl2ClientPort, lab.intlServerPort, AttackLab.INTL2_RC,
                AttackLab.INTL2_PC, AttackLab.ROUTER_PC, INTL2_GT, WAIT_MS);
        lab.router.active("intl").get(10, TimeUnit.SECONDS);
        lab.router.active("intl2").get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        for (RawM3uaPeer p : new RawM3uaPeer[] {intl, intl2}) {
            if (p != null) {
                p.close();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void clear() {
        refusals.clear();
        blocked.clear();
        routerErrors.clear();
        intl.clearAnswers();
        intl2.clearAnswers();
    }

    // ---- all or nothing ----

    @Test
    void twoInvokesInOneBeginRelayNothing() throws Exception {
        String id = rawCorrelation(intl);
        byte[] ordinary = MapParams.mtForwardSm(id, INTL_GT, MapParams.smsDeliver("4930123456", 0x00, bytes("hi")));
        byte[] ota = MapParams.mtForwardSm(id, INTL_GT,
                MapParams.smsDeliver(LabPolicy.OTA_PLATFORM, 0x7F, new byte[] {1, 2, 3}));
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.begin(otid, Tcap.dialogueRequest(Tcap.acn(SHORT_MSG_MT_RELAY, 3)),
                Tcap.components(Tcap.invoke(1, MapParams.MT_FORWARD_SM, ordinary),
                        Tcap.invoke(2, MapParams.MT_FORWARD_SM, ota))));

        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        Refusal r = nextRefusal(ProtocolError.MULTIPLE_COMPONENTS);
        assertEquals("intl", r.peer());
        assertEquals(INTL_GT, r.callingGt());
        assertEquals(MapParams.MT_FORWARD_SM, r.operation());
        assertEquals("map-multiple-components", r.ruleId());
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size(), "not even the ordinary first SM reached the MSC");
        legitimateSmStillDelivered();
    }

    @Test
    void resultComponentInABeginIsRefused() throws Exception {
        long hlrBefore = hlr.asked();
        long otid = intl.newTransaction();
        byte[] result = Ber.tlv(0xA2, Ber.integer(0x02, 1),
                Ber.tlv(0x30, Ber.integer(0x02, MapParams.SEND_ROUTING_INFO_FOR_SM), Ber.tlv(0x30)));
        intl.sendTcap(ROUTER_GT, 6, Tcap.begin(otid, Tcap.dialogueRequest(Tcap.acn(SHORT_MSG_GATEWAY, 3)),
                Tcap.components(result)));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        nextRefusal(ProtocolError.UNEXPECTED_COMPONENT);
        assertEquals(hlrBefore, hlr.asked());
        legitimateSmStillDelivered();
    }

    // ---- operations and contexts ----

    @Test
    void unknownOperationIsRefused() throws Exception {
        long hlrBefore = hlr.asked();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1, 99,
                MapParams.sriForSm(MSISDN, INTL_GT)));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        assertEquals(99, nextRefusal(ProtocolError.UNEXPECTED_COMPONENT).operation());
        assertEquals(hlrBefore, hlr.asked(), "the HLR was not asked");
        legitimateSmStillDelivered();
    }

    @Test
    void operationOfAnotherContextIsRefused() throws Exception {
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSm("262010000000001", INTL_GT,
                        MapParams.smsDeliver("4930123456", 0, bytes("x")))));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        Refusal r = nextRefusal(ProtocolError.UNEXPECTED_COMPONENT);
        assertEquals("shortMsgGatewayContext v3", r.context());
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size());
        legitimateSmStillDelivered();
    }

    @Test
    void version3OperationInAVersion2ContextIsRefused() throws Exception {
        String id = rawCorrelation(intl);
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_MT_RELAY, 2), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSm(id, INTL_GT,
                        MapParams.smsDeliver("4930123456", 0, bytes("v2")))));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        nextRefusal(ProtocolError.UNEXPECTED_COMPONENT);
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size());
        legitimateSmStillDelivered();
    }

    @Test
    void contextNobodyServesIsRefusedAndReported() throws Exception {
        long otid = intl.newTransaction();
        byte[] ussd = Ber.tlv(0x30, Ber.tlv(0x04, new byte[] {0x0F}), Ber.tlv(0x04, new byte[] {0x2A}));
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(Tcap.NETWORK_UNSTRUCTURED_SS, 2), 1,
                MapParams.PROCESS_UNSTRUCTURED_SS, ussd));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer, "answered");
        assertEquals(Tcap.ABORT, answer.type(), answer.toString());
        assertTrue(Ber.contains(answer.bytes(), new byte[] {(byte) 0xA1, 0x03, 0x02, 0x01, 0x02}),
                "dialogue-service-user: application-context-name-not-supported " + answer);
        Refusal r = nextRefusal(ProtocolError.WRONG_APPLICATION_CONTEXT);
        assertTrue(r.reason().contains("networkUnstructuredSsContext"), r.reason());
        legitimateSmStillDelivered();
    }

    // ---- what does not decode ----

    @Test
    void parameterThatDoesNotDecodeIsAbortedAtOnce() throws Exception {
        long hlrBefore = hlr.asked();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1,
                MapParams.SEND_ROUTING_INFO_FOR_SM, undecodableSriParameter()));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        Refusal r = nextRefusal(ProtocolError.UNDECODABLE_COMPONENT);
        assertEquals(MapParams.SEND_ROUTING_INFO_FOR_SM, r.operation());
        assertEquals(hlrBefore, hlr.asked());
        legitimateSmStillDelivered();
    }

    @Test
    void mapOpenThatDoesNotDecodeIsInvalidPdu() throws Exception {
        long hlrBefore = hlr.asked();
        long otid = intl.newTransaction();
        byte[] badOpen = {(byte) 0xA0, 0x03, (byte) 0x80, 0x05, 0x00};
        intl.sendTcap(ROUTER_GT, 6, Tcap.begin(otid, Tcap.dialogueRequest(Tcap.acn(SHORT_MSG_GATEWAY, 3), badOpen),
                Tcap.components(Tcap.invoke(1, MapParams.SEND_ROUTING_INFO_FOR_SM,
                        MapParams.sriForSm(MSISDN, INTL_GT)))));
        assertProviderAbort(intl, otid, INVALID_PDU);
        nextRefusal(ProtocolError.UNDECODABLE_COMPONENT);
        assertEquals(hlrBefore, hlr.asked());
        legitimateSmStillDelivered();
    }

    @Test
    void beginWithoutComponentsIsAbortedAtOnce() throws Exception {
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.begin(otid, Tcap.dialogueRequest(Tcap.acn(SHORT_MSG_MT_RELAY, 3)), null));
        assertProviderAbort(intl, otid, ABNORMAL_DIALOGUE);
        nextRefusal(ProtocolError.NO_COMPONENT);
        assertEquals(0, lab.router.gate().openIncoming("intl"), "nothing left open for the idle timer");
        legitimateSmStillDelivered();
    }

    @Test
    void continueForAnUnknownTransactionIsPAborted() throws Exception {
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.continueMessage(otid, 0x7FFF_FFF0L, Tcap.components(Tcap.invoke(1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSm("262010000000001", INTL_GT, new byte[] {4})))));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer);
        assertTrue(answer.isPAbort(UNRECOGNIZED_TX_ID), answer.toString());
        Refusal r = nextRefusal(ProtocolError.UNKNOWN_TRANSACTION);
        assertEquals("intl", r.peer());
        legitimateSmStillDelivered();
    }

    // ---- non-canonical encodings are judged by what they mean ----

    @Test
    void nonMinimalLengthsDoNotSlipAProtectedSmPast() throws Exception {
        String id = rawCorrelation(intl);
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_MT_RELAY, 3), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSmLongLengths(id, INTL_GT,
                        MapParams.smsDeliver("4930123456", 0x7F, new byte[] {0x02, 0x70, 0x00}))));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer);
        assertTrue(answer.isError(FACILITY_NOT_SUPPORTED), answer.toString());
        Verdict v = blocked.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(v, "the filter judged it");
        assertEquals("router-foreign-sim-data-download", v.ruleId());
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size());
        legitimateSmStillDelivered();
    }

    @Test
    void nonMinimalLengthsOfAnOrdinarySmMeanTheSame() throws Exception {
        String id = rawCorrelation(intl);
        byte[] tpdu = MapParams.smsDeliver("4930123456", 0x00, bytes("long form"));
        int before = msc.deliveredTo(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_MT_RELAY, 3), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSmLongLengths(id, INTL_GT, tpdu)));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer);
        assertEquals(Tcap.END, answer.type(), answer.toString());
        assertEquals(before + 1, msc.deliveredTo(IMSI).size(), "delivered once");
        assertEquals("long form", new String(msc.deliveredTo(IMSI).get(before).userData().body(),
                StandardCharsets.US_ASCII));
    }

    @Test
    void indefiniteLengthParameterIsJudgedLikeTheDefiniteOne() throws Exception {
        String id = rawCorrelation(intl);
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_MT_RELAY, 3), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSmIndefinite(id, INTL_GT,
                        MapParams.smsDeliver("4930123456", 0x7F, new byte[] {0x02, 0x70, 0x00}))));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer, "answered, not left to a timer");
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size(), "a protected SM never passes, however encoded");
        assertTrue(answer.isError(FACILITY_NOT_SUPPORTED), "decoded as BER allows, then blocked: " + answer);
        assertEquals("router-foreign-sim-data-download", blocked.poll(WAIT_MS, TimeUnit.MILLISECONDS).ruleId());
        legitimateSmStillDelivered();
    }

    @Test
    void indefiniteLengthTcapMessageIsServedLikeTheDefiniteOne() throws Exception {
        long otid = intl.newTransaction();
        long hlrBefore = hlr.asked();
        intl.sendTcap(ROUTER_GT, 6, Tcap.begin(Ber.Length.INDEFINITE, otid,
                Tcap.dialogueRequest(Tcap.acn(SHORT_MSG_GATEWAY, 3)), Tcap.components(Tcap.invoke(1,
                        MapParams.SEND_ROUTING_INFO_FOR_SM, MapParams.sriForSm(MSISDN, INTL_GT)))));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer, "answered, not left to a timer");
        assertEquals(Tcap.END, answer.type(), answer.toString());
        String id = answer.sriResultImsi();
        assertNotNull(id, "served like the definite form: " + answer);
        assertTrue(!id.equals(IMSI), "the real IMSI stays home");
        assertEquals(hlrBefore + 1, hlr.asked());
        eventually(() -> lab.router.gate().openIncoming("intl") == 0, "the dialog is closed");
        legitimateSmStillDelivered();
    }

    @Test
    void oversizedSmRpUiIsRefusedAndNotForwarded() throws Exception {
        String id = rawCorrelation(intl);
        int mscBefore = msc.attemptsFor(IMSI).size();
        long otid = intl.newTransaction();
        intl.sendTcap(ROUTER_GT, 8, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_MT_RELAY, 3), 1,
                MapParams.MT_FORWARD_SM, MapParams.mtForwardSm(id, INTL_GT,
                        MapParams.smsDeliver("4930123456", 0x00, new byte[190]))));
        Tcap.Message answer = intl.answerTo(otid, WAIT_MS);
        assertNotNull(answer);
        assertTrue(answer.isError(SM_DELIVERY_FAILURE), answer.toString());
        assertEquals(ProtocolError.MALFORMED_TPDU, routerErrors.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(mscBefore, msc.attemptsFor(IMSI).size());
        legitimateSmStillDelivered();
    }

    // ---- resources ----

    @Test
    void onePeerAtItsCapIsRefusedWhileOthersAreServed() throws Exception {
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < PER_PEER; i++) {
            long otid = intl2.newTransaction();
            held.add(otid);
            intl2.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1,
                    MapParams.SEND_ROUTING_INFO_FOR_SM, MapParams.sriForSm(HoldingHlr.HELD, INTL2_GT)));
        }
        assertTrue(hlr.awaitHeld(PER_PEER, WAIT_MS), "the HLR holds every SRI-SM of intl2");
        assertEquals(PER_PEER, lab.router.gate().openIncoming("intl2"));
        long hlrBefore = hlr.asked();

        long over = intl2.newTransaction();
        intl2.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(over, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1,
                MapParams.SEND_ROUTING_INFO_FOR_SM, MapParams.sriForSm(MSISDN, INTL2_GT)));
        Tcap.Message answer = intl2.answerTo(over, WAIT_MS);
        assertNotNull(answer);
        assertTrue(answer.isPAbort(RESOURCE_LIMITATION), answer.toString());
        Refusal r = nextRefusal(ProtocolError.DIALOG_LIMIT_PEER);
        assertEquals("intl2", r.peer());
        assertEquals(hlrBefore, hlr.asked(), "the refused SRI-SM never reached the HLR");

        legitimateSmStillDelivered();
        assertNotNull(rawCorrelation(intl), "another interconnect peer is served too");

        java.util.Set<Long> unanswered = new java.util.HashSet<>(held);
        while (!unanswered.isEmpty()) { // the router's invoke timer ends them: systemFailure, nothing left open
            Tcap.Message end = intl2.nextAnswer(WAIT_MS);
            assertNotNull(end, "held dialogs " + unanswered + " answered");
            if (unanswered.remove(end.dtid())) {
                assertTrue(end.isError(SYSTEM_FAILURE), end.toString());
            }
        }
        eventually(() -> lab.router.gate().openIncoming("intl2") == 0, "intl2's dialogs are closed");
    }

    @Test
    void floodOfUndecodableBeginsLeavesLegitimateTrafficServedAndTheLogQuiet() throws Exception {
        int flood = 3_000;
        long hlrBefore = hlr.asked();
        long refusedBefore = lab.router.gate().refusals().get(ProtocolError.UNDECODABLE_COMPONENT);
        List<Long> otids = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            otids.add(intl.newTransaction());
        }
        try (LogCapture log = LogCapture.attach()) {
            CompletableFuture<Void> attack = CompletableFuture.runAsync(() -> {
                try {
                    for (long otid : otids) {
                        intl.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3),
                                1, MapParams.SEND_ROUTING_INFO_FOR_SM, undecodableSriParameter()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int legitimate = 0;
            while (!attack.isDone() || legitimate < 5) {
                legitimateSmStillDelivered();
                legitimate++;
            }
            attack.get(WAIT_MS, TimeUnit.MILLISECONDS);

            int aborted = 0;
            for (int i = 0; i < flood; i++) {
                Tcap.Message m = intl.nextAnswer(WAIT_MS);
                assertNotNull(m, "answer " + i + " of " + flood);
                if (m.isMapProviderAbort(ABNORMAL_DIALOGUE)) {
                    aborted++;
                }
            }
            assertEquals(flood, aborted, "every undecodable TC-BEGIN got its U-ABORT at once");
            assertEquals(refusedBefore + flood,
                    (long) lab.router.gate().refusals().get(ProtocolError.UNDECODABLE_COMPONENT));
            assertEquals(hlrBefore + legitimate, hlr.asked(), "only the legitimate SRI-SMs reached the HLR");
            eventually(() -> lab.router.gate().openIncoming() == 0, "no incoming dialog left open");
            eventually(() -> lab.router.tcapDialogs() == 0, "jSS7's dialog table is empty again");
            assertEquals(0, log.stackTraces(), "no stack trace in the log");
            assertTrue(log.warnings() < 20, "the log is not written per message: " + log.warnings() + " lines");
        }
    }

    /**
     * Node-level fuzzing: 400 mutants of valid TC-BEGINs (octets replaced, cut short) sent over the raw link.
     * Whatever each one is, the node answers or drops it, never throws out of a listener (jSS7 would log
     * "Received exception while delivering"), and leaves no dialog open; a legitimate SM passes afterwards.
     */
    @Test
    void mutatedBeginsLeaveNoDialogOpen() throws Exception {
        java.util.Random random = new java.util.Random(0x29002L);
        byte[][] seeds = {
            Tcap.beginWithOneInvoke(0, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1, MapParams.SEND_ROUTING_INFO_FOR_SM,
                    MapParams.sriForSm("491709999999", INTL_GT)),
            Tcap.beginWithOneInvoke(0, Tcap.acn(SHORT_MSG_MT_RELAY, 3), 1, MapParams.MT_FORWARD_SM,
                    MapParams.mtForwardSm("262019999999999", INTL_GT, MapParams.smsDeliver("4930123456", 0, bytes("f")))),
        };
        int mscBefore = msc.attemptsFor(IMSI).size();
        try (LogCapture log = LogCapture.attach()) {
            for (int i = 0; i < 400; i++) {
                byte[] m = seeds[i % seeds.length].clone();
                if (random.nextInt(4) == 0) {
                    m = java.util.Arrays.copyOf(m, 2 + random.nextInt(m.length - 2));
                } else {
                    for (int f = 1 + random.nextInt(3); f > 0; f--) {
                        int at = 6 + random.nextInt(m.length - 6); // keep the otid, so answers can come back
                        m[at] = (byte) random.nextInt(256);
                    }
                }
                intl.sendTcap(ROUTER_GT, 8, m);
            }
            legitimateSmStillDelivered();
            eventually(() -> lab.router.gate().openIncoming() == 0, "no incoming dialog left open");
            eventually(() -> lab.router.tcapDialogs() == 0, "jSS7's dialog table is empty again");
            assertEquals(0, log.listenerFailures(), "nothing was thrown out of a listener");
        }
        assertEquals(mscBefore + 1, msc.attemptsFor(IMSI).size(), "only the legitimate SM reached the MSC");
    }

    // ---- helpers ----

    /** SRI-for-SM parameter whose first element has a reserved multi-octet tag: jSS7's decoder fails on it. */
    private static byte[] undecodableSriParameter() {
        return Ber.tlv(0x30, new byte[] {(byte) 0x9F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x01,
                0x00});
    }

    /** A correlation ID for MSISDN issued to the raw peer (its GT as service centre), by a raw SRI-for-SM. */
    private String rawCorrelation(RawM3uaPeer peer) throws Exception {
        long otid = peer.newTransaction();
        peer.sendTcap(ROUTER_GT, 6, Tcap.beginWithOneInvoke(otid, Tcap.acn(SHORT_MSG_GATEWAY, 3), 1,
                MapParams.SEND_ROUTING_INFO_FOR_SM, MapParams.sriForSm(MSISDN, peer.gt())));
        Tcap.Message end = peer.answerTo(otid, WAIT_MS);
        assertNotNull(end, "SRI-SM answered");
        String imsi = end.sriResultImsi();
        assertNotNull(imsi, "SRI-SM result " + end);
        assertTrue(imsi.startsWith("26201") && !imsi.equals(IMSI), imsi);
        return imsi;
    }

    private void legitimateSmStillDelivered() throws Exception {
        RoutingInfo routing = smsc.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT_MS, TimeUnit.MILLISECONDS);
        int before = msc.deliveredTo(IMSI).size();
        smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(),
                Sms.encode(Sms.deliver(0x00, "4930123456", bytes("legit"))), false).get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertTrue(msc.deliveredTo(IMSI).size() > before, "the legitimate SM reached the MSC");
    }

    private static void assertProviderAbort(RawM3uaPeer peer, long otid, int reason) throws InterruptedException {
        Tcap.Message answer = peer.answerTo(otid, WAIT_MS);
        assertNotNull(answer, "answered at once, not left to a timer");
        assertTrue(answer.isMapProviderAbort(reason), "U-ABORT with MAP-ProviderAbortInfo " + reason + ": " + answer);
    }

    private Refusal nextRefusal(ProtocolError expected) throws InterruptedException {
        Refusal r = refusals.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(r, "a refusal was reported");
        assertEquals(expected, r.error(), r.toString());
        assertEquals(expected.ruleId(), r.ruleId());
        return r;
    }

    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + WAIT_MS + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package org.mtcgate.map.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.filter.routing.CorrelationId;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.SmsListenerAdapter;
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
import org.mtcgate.map.smsc.MoForwardSmHandler;
import org.mtcgate.map.smsc.MoObserver;
import org.mtcgate.map.smsc.MoShortMessage;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.map.testing.Sms;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.ValidityPeriod;

/**
 * Trust bound to the link and the address together (GSMA FS.11 category 3, "spoofed home network elements over
 * the interconnect"), attacked over real M3UA/TCP: the router's peers are the international gateway ("smsc",
 * interconnect), the home SMS-SC ("home-smsc", home), the HLR and the MSC (home). The attacker owns the
 * international gateway and writes whatever calling GT, SM-RP-OA and TP-OA it likes. Each case asserts what
 * reached the MSC and HLR simulators, the MAP answer, the router's report (what the audit log writes), and that a
 * legitimate home SMS-SC is still served afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkTrustAttackTest {
    private static final long WAIT = 15;
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";
    private static final String INFORMED_MSISDN = "491701000005";
    private static final String INFORMED_IMSI = "262015500000005";
    /** Asked for by the home SMS-SC only. */
    private static final String HOME_ONLY_MSISDN = "491701000006";
    private static final String HOME_SMSC = RouterLab.HOME_SMSC_GT;
    private static final String OTA = LabPolicy.OTA_PLATFORM;
    private static final String UE = "491709876543";
    private static final int STORE_CAPACITY = 400;

    @TempDir
    static Path dataDir;

    private RouterLab lab;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final Reports reports = new Reports();
    private final MemoryCorrelationStore store = new MemoryCorrelationStore(STORE_CAPACITY);
    private final LinkedBlockingQueue<MoShortMessage> moSink = new LinkedBlockingQueue<>();
    private HlrPeer hlr;
    private MscPeer msc;
    private SmsRouter router;
    private SmscPeer foreign;
    private SmscPeer home;
    /** The attacker on the international gateway, calling from the home SMS-SC's GT and naming it as SC. */
    private SmscPeer spoofer;
    private MoSender moFromMsc;
    private MoSender moFromGateway;

    @BeforeAll
    void startLab() throws Exception {
        lab = RouterLab.assemble(dataDir, 1_500);
        hlr = new HlrPeer(lab.hlr).provision(MSISDN, new HlrPeer.Subscription(IMSI, RouterLab.MSC_GT))
                .provision(INFORMED_MSISDN, new HlrPeer.Subscription(INFORMED_IMSI, RouterLab.MSC_GT))
                .provision(HOME_ONLY_MSISDN, new HlrPeer.Subscription("262015500000006", RouterLab.MSC_GT))
                .informServiceCentre(INFORMED_MSISDN);
        msc = new MscPeer(lab.msc);
        router = SmsRouter.attach(lab.router, RouterConfig.of(RouterLab.ROUTER_GT, RouterLab.HLR_GT, "26201",
                Duration.ofMinutes(2)), LabPolicy.engine(), store, clock, reports);
        MoForwardSmHandler.attach(lab.router, LabPolicy.engine(), sm -> {
            moSink.add(sm);
            return CompletableFuture.completedFuture(null);
        }, reports, java.util.Set.of(RouterLab.ROUTER_GT));
        foreign = new SmscPeer(lab.smsc);
        home = new SmscPeer(lab.homeSmsc, HOME_SMSC, HOME_SMSC);
        spoofer = new SmscPeer(lab.smsc, HOME_SMSC, HOME_SMSC);
        moFromMsc = new MoSender(lab.msc);
        moFromGateway = new MoSender(lab.smsc);
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
        reports.clear();
        moSink.clear();
    }

    // ---- spoofed home SMS-SC over the interconnect ----

    @Test
    void spoofedHomeSmscTriggerFromTheGatewayIsBlocked() throws Exception {
        assertSpoofBlocked(0x48, "4930123456");
    }

    @Test
    void spoofedHomeSmscOtaFromTheGatewayIsBlocked() throws Exception {
        assertSpoofBlocked(0x7F, OTA);
    }

    @Test
    void spoofedHomeSmscOrdinarySmFromTheGatewayIsBlockedToo() throws Exception {
        assertSpoofBlocked(0x00, "4930123456");
    }

    /** The SM-RP-OA names the home SMS-SC, the calling GT is the gateway's own: the address alone is spoofed. */
    @Test
    void homeServiceCentreAddressUnderAForeignGtIsBlocked() throws Exception {
        SmscPeer namesHome = new SmscPeer(lab.smsc, RouterLab.FOREIGN_SMSC_GT, HOME_SMSC);
        try {
            int before = msc.deliveredTo(IMSI).size();
            RoutingInfo routing = namesHome.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
            MapFailure failure = failureOf(namesHome.mtForwardSm(routing.imsi(), routing.networkNodeNumber(),
                    tpdu(0x48, "4930123456"), false));
            assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
            Blocked blocked = next(reports.blocked);
            assertEquals("spoofed-home-gt", blocked.verdict().ruleId());
            assertEquals(Zone.INTERCONNECT, blocked.item().originator().arrivalLink().zone());
            assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        } finally {
            namesHome.detach();
        }
        assertHomeStillServed();
    }

    @Test
    void theRealHomeSmscIsServedOverItsHomeLink() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        sendSm(home, 0x48, "4930123456").get(WAIT, TimeUnit.SECONDS);
        Forwarded trigger = next(reports.forwarded);
        assertEquals("home-network.trigger-sms-sc", trigger.verdict().ruleId());
        assertEquals(RouterLab.PEER_HOME_SMSC, trigger.item().originator().arrivalLink().peer());
        sendSm(home, 0x7F, OTA).get(WAIT, TimeUnit.SECONDS);
        assertEquals("home-network.ota-platform.router", next(reports.forwarded).verdict().ruleId());
        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(before + 2, got.size());
        assertEquals(0x48, got.get(before).protocolIdentifier());
        assertEquals(0x7F, got.get(before + 1).protocolIdentifier());
    }

    // ---- answers leave by the link the dialogue came in on ----

    /**
     * The router's GT routing sends the home SMS-SC's GT to the home SMS-SC's link: an answer routed on the calling
     * GT would go there, and the spoofer would wait in vain. It goes back over the gateway the SRI-SM came in on
     * (a TC-END is sent once, over one link: the spoofer getting it is the proof), and the correlation it carries is
     * bound to the gateway.
     */
    @Test
    void sriAnswerToASpoofedHomeGtStaysOnTheGateway() throws Exception {
        RoutingInfo routing = spoofer.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertEquals(RouterLab.ROUTER_GT, routing.networkNodeNumber(), "the spoofer got the answer on its own link");
        assertNotEquals(IMSI, routing.imsi(), "the real IMSI never leaves");
        Correlation correlation = next(reports.correlations);
        assertEquals(RouterLab.PEER_FOREIGN, correlation.askedBy().link().peer());
        assertEquals(Zone.INTERCONNECT, correlation.askedBy().link().zone());
        assertEquals(HOME_SMSC, correlation.askedBy().callingGt().digits());
        assertEquals(routing.imsi(), correlation.id().toString());
    }

    /** The converse: the home SMS-SC calling from a GT that GT routing sends to the gateway is answered at home. */
    @Test
    void sriAnswerFromTheHomeLinkStaysOnTheHomeLink() throws Exception {
        SmscPeer homeWithForeignGt = new SmscPeer(lab.homeSmsc, RouterLab.FOREIGN_SMSC_GT, HOME_SMSC);
        try {
            RoutingInfo routing = homeWithForeignGt.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
            assertEquals(RouterLab.ROUTER_GT, routing.networkNodeNumber());
            assertEquals(RouterLab.PEER_HOME_SMSC, next(reports.correlations).askedBy().link().peer());
        } finally {
            homeWithForeignGt.detach();
        }
    }

    // ---- correlation IDs bound to who asked ----

    @Test
    void correlationFromAnotherGtOnTheSameLinkIsRefused() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        SmscPeer otherGt = new SmscPeer(lab.smsc, "33698000000", RouterLab.FOREIGN_SMSC_GT);
        try {
            int before = msc.deliveredTo(IMSI).size();
            MapFailure failure = failureOf(otherGt.mtForwardSm(routing.imsi(), routing.networkNodeNumber(),
                    tpdu(0x00, "4930123456"), false));
            assertEquals(MAPErrorCode.unidentifiedSubscriber, failure.errorCode().orElseThrow());
            Blocked blocked = next(reports.blocked);
            assertEquals("correlation-elsewhere", blocked.verdict().ruleId());
            assertEquals("33698000000", blocked.item().originator().networkNode().digits());
            assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
            assertEquals(1, router.counters().protocolErrors(ProtocolError.CORRELATION_ELSEWHERE)
                    - reports.elsewhereBefore);
        } finally {
            otherGt.detach();
        }
        // the one that asked may still use it
        foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(0x00, "4930123456"), false)
                .get(WAIT, TimeUnit.SECONDS);
        assertTrue(next(reports.forwarded).outcome().delivered());
    }

    /** The home SMS-SC got the ID over its link; the gateway, writing the same GT and SC address, may not use it. */
    @Test
    void correlationFromAnotherLinkIsRefused() throws Exception {
        RoutingInfo routing = home.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        int before = msc.deliveredTo(IMSI).size();
        MapFailure failure = failureOf(spoofer.mtForwardSm(routing.imsi(), routing.networkNodeNumber(),
                tpdu(0x48, "4930123456"), false));
        assertEquals(MAPErrorCode.unidentifiedSubscriber, failure.errorCode().orElseThrow());
        Blocked blocked = next(reports.blocked);
        assertEquals("correlation-elsewhere", blocked.verdict().ruleId());
        assertEquals(RouterLab.PEER_FOREIGN, blocked.item().originator().arrivalLink().peer());
        assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        assertHomeStillServed();
    }

    @Test
    void aFullCorrelationStoreDoesNotAskTheHlr() throws Exception {
        long asked = hlr.askedCount();
        int filled = 0;
        while (store.hasRoom()) {
            assertTrue(store.put(new Correlation(CorrelationId.random("26201", new java.security.SecureRandom()),
                    Msisdn.of(MSISDN), Imsi.of(IMSI), RouterLab.MSC_GT, null, null, clock.instant().plusSeconds(30))));
            filled++;
        }
        try {
            MapFailure failure = failureOf(foreign.sendRoutingInfoForSm(MSISDN, MSISDN));
            assertEquals(MAPErrorCode.systemFailure, failure.errorCode().orElseThrow());
            assertEquals(ProtocolError.CORRELATION_STORE_FULL, next(reports.errors).error());
            assertEquals(asked, hlr.askedCount(), "the HLR was not asked");
        } finally {
            clock.advance(Duration.ofMinutes(5));
            router.expireCorrelations();
        }
        assertTrue(filled > 0);
        assertHomeStillServed();
    }

    // ---- MO-ForwardSM only from home MSC/VLRs ----

    @Test
    void moForwardSmFromTheGatewayIsRefused() throws Exception {
        MapFailure failure = failureOf(moFromGateway.moForwardSm(RouterLab.ROUTER_GT, RouterLab.ROUTER_GT, UE,
                submit(0x00, "from abroad"), 3));
        assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
        Blocked blocked = next(reports.moBlocked);
        assertEquals("mo-not-from-home-msc", blocked.verdict().ruleId());
        assertEquals(RouterLab.PEER_FOREIGN, blocked.item().originator().arrivalLink().peer());
        assertNull(moSink.poll(), "nothing reached the SMS-SC's store");
        // the home MSC is served
        moFromMsc.moForwardSm(RouterLab.ROUTER_GT, RouterLab.ROUTER_GT, UE, submit(0x00, "from home"), 3)
                .get(WAIT, TimeUnit.SECONDS);
        MoShortMessage sm = moSink.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("from home", sm.submit().userData().text());
        assertEquals(RouterLab.PEER_MSC, next(reports.moAccepted).item().originator().arrivalLink().peer());
    }

    @Test
    void moForwardSmIsTakenOverAnyHomeLinkWithAnMscSubsystem() throws Exception {
        // the check is the configured zone and subsystems of the link, not who the sender says it is
        MoSender fromHomeSmsc = new MoSender(lab.homeSmsc);
        try {
            fromHomeSmsc.moForwardSm(RouterLab.ROUTER_GT, RouterLab.ROUTER_GT, UE, submit(0x00, "relay"), 2)
                    .get(WAIT, TimeUnit.SECONDS);
            assertEquals(RouterLab.PEER_HOME_SMSC, next(reports.moAccepted).item().originator().arrivalLink().peer());
        } finally {
            fromHomeSmsc.detach();
        }
    }

    // ---- router completeness ----

    @Test
    void reportSmDeliveryStatusIsRelayedToTheHlrWithTheRealIdentity() throws Exception {
        foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS); // the SMSC asked: it may report
        int before = hlr.reports().size();
        String stored = foreign.reportSmDeliveryStatus(MSISDN, MSISDN, SMDeliveryOutcome.absentSubscriber)
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals(MSISDN, stored, "the HLR's answer came back");
        List<HlrPeer.Report> got = hlr.reports();
        assertEquals(before + 1, got.size());
        HlrPeer.Report report = got.get(got.size() - 1);
        assertEquals(MSISDN, report.msisdn());
        assertEquals(RouterLab.FOREIGN_SMSC_GT, report.serviceCentre());
        assertEquals(SMDeliveryOutcome.absentSubscriber, report.outcome());
        assertEquals(RouterLab.ROUTER_GT, report.callingGt(), "the router asks the HLR itself");
        assertTrue(router.counters().reportsRelayed() >= 1);
    }

    /** Nobody asked SRI-for-SM for this MSISDN: a report on it would set the HLR's message-waiting data at will. */
    @Test
    void reportSmDeliveryStatusForAnMsisdnNobodyAskedForIsRefused() throws Exception {
        assertReportRefused(foreign, "491701000077");
    }

    /** The home SMS-SC asked for the MSISDN; the gateway, naming its own SC, may not report on it. */
    @Test
    void reportSmDeliveryStatusFromAnotherLinkThanTheAskerIsRefused() throws Exception {
        home.sendRoutingInfoForSm(HOME_ONLY_MSISDN, HOME_ONLY_MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertReportRefused(foreign, HOME_ONLY_MSISDN);
    }

    /** The gateway's SMSC asked; the spoofer on the same link writes another calling GT and SC address. */
    @Test
    void reportSmDeliveryStatusFromAnotherGtOnTheAskersLinkIsRefused() throws Exception {
        foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertReportRefused(spoofer, MSISDN);
    }

    /** The asker's correlation has expired: its permit to report has gone with it. */
    @Test
    void reportSmDeliveryStatusAfterTheCorrelationExpiredIsRefused() throws Exception {
        String msisdn = INFORMED_MSISDN;
        foreign.sendRoutingInfoForSm(msisdn, msisdn).get(WAIT, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(3));
        try {
            assertReportRefused(foreign, msisdn);
        } finally {
            clock.advance(Duration.ofMinutes(-3));
        }
    }

    @Test
    void informServiceCentreFromTheHlrReachesTheSmsc() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(INFORMED_MSISDN, INFORMED_MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertEquals(INFORMED_MSISDN, routing.informedStoredMsisdn());
        assertNotEquals(INFORMED_IMSI, routing.imsi(), "the real IMSI never leaves");
        assertEquals(RouterLab.ROUTER_GT, routing.networkNodeNumber());
        RoutingInfo plain = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertNull(plain.informedStoredMsisdn(), "no InformServiceCentre when the HLR sent none");
    }

    /**
     * MAP v1 has one shortMsgRelayContext for both directions (jSS7: shortMsgMORelayContext v1); the router relays
     * MT only in v2 and v3. A v1 ForwardSM to a correlation ID is taken for an MO relay and refused; nothing
     * reaches the MSC.
     */
    @Test
    void mapV1MtRelayIsRefused() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        int before = msc.deliveredTo(IMSI).size();
        MAPParameterFactory f = lab.smsc.mapProvider().getMAPParameterFactory();
        MAPDialogSms dialog = lab.smsc.mapProvider().getMAPServiceSms().createNewDialog(
                MAPApplicationContext.getInstance(MAPApplicationContextName.shortMsgMORelayContext,
                        MAPApplicationContextVersion.version1),
                lab.smsc.localAddress(Ss7StackConfig.SSN_MSC), null,
                GlobalTitles.routeOnGt(RouterLab.ROUTER_GT, Ss7StackConfig.SSN_MSC), null);
        V1Watch watch = new V1Watch(dialog.getLocalDialogId());
        lab.smsc.mapProvider().getMAPServiceSms().addMAPServiceListener(watch);
        lab.smsc.mapProvider().addMAPDialogListener(watch);
        try {
            dialog.addForwardShortMessageRequest(f.createSM_RP_DA(f.createIMSI(routing.imsi())),
                    f.createSM_RP_OA_ServiceCentreAddressOA(f.createAddressString(AddressNature.international_number,
                            NumberingPlan.ISDN, RouterLab.FOREIGN_SMSC_GT)),
                    f.createSmsSignalInfo(tpdu(0x00, "4930123456"), null), false);
            dialog.send();
            String outcome = watch.outcome.get(WAIT, TimeUnit.SECONDS);
            assertEquals("error " + MAPErrorCode.facilityNotSupported, outcome);
            assertEquals(ProtocolError.NOT_FROM_HOME_LINK, next(reports.errors).error());
            assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        } finally {
            lab.smsc.mapProvider().getMAPServiceSms().removeMAPServiceListener(watch);
            lab.smsc.mapProvider().removeMAPDialogListener(watch);
        }
    }

    // ---- helpers ----

    /** SRI-SM and MT-ForwardSM from the spoofer on the gateway: refused by rule spoofed-home-gt, MSC untouched. */
    private void assertSpoofBlocked(int pid, String tpOa) throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        long blockedBefore = router.counters().blocked();
        RoutingInfo routing = spoofer.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        MapFailure failure = failureOf(spoofer.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(pid, tpOa),
                false));
        assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
        Blocked blocked = next(reports.blocked);
        assertEquals("spoofed-home-gt", blocked.verdict().ruleId());
        assertEquals(pid, blocked.item().tpPid());
        assertEquals(HOME_SMSC, blocked.item().originator().networkNode().digits());
        assertEquals(RouterLab.PEER_FOREIGN, blocked.item().originator().arrivalLink().peer());
        assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        assertEquals(blockedBefore + 1, router.counters().blocked());
        assertHomeStillServed();
    }

    /** ReportSM-DeliveryStatus refused with unexpectedDataValue, the HLR untouched, reported; the asker still served. */
    private void assertReportRefused(SmscPeer reporter, String msisdn) throws Exception {
        int before = hlr.reports().size();
        long refusedBefore = router.counters().protocolErrors(ProtocolError.REPORT_WITHOUT_CORRELATION);
        MapFailure failure = failureOf(reporter.reportSmDeliveryStatus(msisdn, msisdn,
                SMDeliveryOutcome.absentSubscriber));
        assertEquals(MAPErrorCode.unexpectedDataValue, failure.errorCode().orElseThrow());
        assertEquals(before, hlr.reports().size(), "the HLR was not told");
        Error error = next(reports.errors);
        assertEquals(ProtocolError.REPORT_WITHOUT_CORRELATION, error.error());
        assertTrue(error.detail().contains(msisdn), error.detail());
        assertEquals(refusedBefore + 1, router.counters().protocolErrors(ProtocolError.REPORT_WITHOUT_CORRELATION));
        home.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertEquals(MSISDN, home.reportSmDeliveryStatus(MSISDN, MSISDN, SMDeliveryOutcome.successfulTransfer)
                .get(WAIT, TimeUnit.SECONDS), "the asker's own report still reaches the HLR");
        assertEquals(before + 1, hlr.reports().size());
    }

    /** The legitimate home SMS-SC still gets an ordinary SM through, end to end. */
    private void assertHomeStillServed() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        sendSm(home, 0x00, "4930123456").get(WAIT, TimeUnit.SECONDS);
        assertEquals(before + 1, msc.deliveredTo(IMSI).size());
        assertTrue(next(reports.forwarded).outcome().delivered());
    }

    private CompletableFuture<Void> sendSm(SmscPeer smsc, int pid, String tpOa) throws Exception {
        RoutingInfo routing = smsc.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        return smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(pid, tpOa), false);
    }

    private static byte[] tpdu(int pid, String tpOa) {
        return Sms.encode(Sms.deliver(pid, tpOa, "attack".getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] submit(int pid, String text) throws Exception {
        return TpduCodec.encode(new SmsSubmit(false, false, false, 7, SmsAddress.international("491701111111"), pid,
                0x00, new ValidityPeriod.None(), UserData.gsm7(null, text)));
    }

    private static MapFailure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
        return assertInstanceOf(MapFailure.class, e.getCause());
    }

    private static <T> T next(LinkedBlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("nothing was reported within 10 s");
        }
        return item;
    }

    record Blocked(InboundItem item, Verdict verdict) {
    }

    record Forwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
    }

    record Error(ProtocolError error, String detail) {
    }

    /** What the router and the MO path report: what the node's audit log and metrics are fed from. */
    private final class Reports implements RouterObserver, MoObserver {
        final LinkedBlockingQueue<Correlation> correlations = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Forwarded> forwarded = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Blocked> blocked = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Error> errors = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Blocked> moBlocked = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Blocked> moAccepted = new LinkedBlockingQueue<>();
        long elsewhereBefore;

        @Override
        public void correlationCreated(Correlation correlation) {
            correlations.add(correlation);
        }

        @Override
        public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
            forwarded.add(new Forwarded(item, verdict, outcome));
        }

        @Override
        public void smBlocked(InboundItem item, Verdict verdict) {
            blocked.add(new Blocked(item, verdict));
        }

        @Override
        public void protocolError(ProtocolError error, String detail) {
            errors.add(new Error(error, detail));
        }

        @Override
        public void accepted(InboundItem item, Verdict verdict) {
            moAccepted.add(new Blocked(item, verdict));
        }

        @Override
        public void blocked(InboundItem item, Verdict verdict) {
            moBlocked.add(new Blocked(item, verdict));
        }

        void clear() {
            correlations.clear();
            forwarded.clear();
            blocked.clear();
            errors.clear();
            moBlocked.clear();
            moAccepted.clear();
            elsewhereBefore = router == null ? 0 : router.counters().protocolErrors(ProtocolError.CORRELATION_ELSEWHERE);
        }
    }

    /** The outcome of one raw dialog: "error N", "result", "refused", "aborted" or "released". */
    private static final class V1Watch extends SmsListenerAdapter {
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        private final long dialogId;

        V1Watch(long dialogId) {
            this.dialogId = dialogId;
        }

        private void complete(MAPDialog dialog, String what) {
            if (dialog.getLocalDialogId() == dialogId) {
                outcome.complete(what);
            }
        }

        @Override
        public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
            complete(dialog, "error " + error.getErrorCode());
        }

        @Override
        public void onForwardShortMessageResponse(
                org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse response) {
            complete(response.getMAPDialog(), "result");
        }

        @Override
        public void onDialogReject(MAPDialog dialog, org.mobicents.protocols.ss7.map.api.dialog.MAPRefuseReason reason,
                                   org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName alternative,
                                   org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer extension) {
            complete(dialog, "refused");
        }

        @Override
        public void onDialogUserAbort(MAPDialog dialog, org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice choice,
                                      org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer extension) {
            complete(dialog, "aborted");
        }

        @Override
        public void onDialogRelease(MAPDialog dialog) {
            complete(dialog, "released");
        }
    }
}

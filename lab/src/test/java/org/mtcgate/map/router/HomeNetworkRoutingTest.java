package org.mtcgate.map.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.map.router.RecordingObserver.next;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.MAPDialogImpl;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPOperationCode;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.MAPRefuseReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.ForwardShortMessageResponse;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.comp.Invoke;
import org.mobicents.protocols.ss7.tcap.asn.comp.Parameter;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.filter.routing.CorrelationStore;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RouterLab;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.lab.map.UnansweredDialogGuard;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.map.testing.Sms;
import org.mtcgate.map.tpdu.ApplicationPort;
import org.mtcgate.map.tpdu.SmsDeliver;

/**
 * MAP Home Network Routing end to end: a foreign SMSC over the interconnect link, the home SMS-SC over a home link
 * (which the foreign one may claim to be), the SMS Router, an HLR and an MSC, each its own jSS7 stack over M3UA/TCP on loopback. Each test asserts on
 * what the SMSC received and what the MSC got; counters are read after the observer reported, since both happen
 * before the answer is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeNetworkRoutingTest {
    private static final long WAIT = 15;
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";
    private static final String ABSENT_MSISDN = "491701000002";
    /** Attached to the MSC and an SGSN, absent at the MSC. */
    private static final String PS_MSISDN = "491701000003";
    private static final String PS_IMSI = "262015500000003";
    /** Attached to the MSC and an SGSN, absent at both. */
    private static final String GONE_MSISDN = "491701000004";
    private static final String GONE_IMSI = "262015500000004";
    private static final Duration TTL = Duration.ofMinutes(2);
    private static final String HOME_SMSC = LabPolicy.HOME_TRIGGER_SMSC;

    @TempDir
    static Path dataDir;

    private RouterLab lab;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final RecordingObserver observer = new RecordingObserver();
    private final Map<Long, CompletableFuture<String>> rawOutcomes = new ConcurrentHashMap<>();
    private final FillableStore store = new FillableStore(new MemoryCorrelationStore(10_000));
    private HlrPeer hlr;
    private MscPeer msc;
    private SmsRouter router;
    private SmscPeer foreign;
    private SmscPeer home;

    @BeforeAll
    void startLab() throws Exception {
        lab = RouterLab.assemble(dataDir, 1_500);
        hlr = newHlr();
        msc = new MscPeer(lab.msc).absent(PS_IMSI, RouterLab.MSC_GT)
                .absent(GONE_IMSI, RouterLab.MSC_GT).absent(GONE_IMSI, RouterLab.SGSN_GT);
        UnansweredDialogGuard.attach(lab.msc); // the HLR stays silent for what it does not serve (invoke-timer test)
        router = SmsRouter.attach(lab.router, RouterConfig.of(RouterLab.ROUTER_GT, RouterLab.HLR_GT, "26201", TTL),
                LabPolicy.engine(), store, clock, observer);
        foreign = new SmscPeer(lab.smsc);
        home = new SmscPeer(lab.homeSmsc, HOME_SMSC, HOME_SMSC);
        RawWatcher watcher = new RawWatcher();
        lab.smsc.mapProvider().addMAPDialogListener(watcher);
        lab.smsc.mapProvider().getMAPServiceSms().addMAPServiceListener(watcher);
        lab.connect(WAIT, TimeUnit.SECONDS);
    }

    private HlrPeer newHlr() {
        return new HlrPeer(lab.hlr).provision(MSISDN, new HlrPeer.Subscription(IMSI, RouterLab.MSC_GT))
                .provision(ABSENT_MSISDN, new HlrPeer.Subscription("262015500000002", null))
                .provision(PS_MSISDN, new HlrPeer.Subscription(PS_IMSI, RouterLab.MSC_GT, RouterLab.SGSN_GT))
                .provision(GONE_MSISDN, new HlrPeer.Subscription(GONE_IMSI, RouterLab.MSC_GT, RouterLab.SGSN_GT));
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void clearReports() {
        observer.clear();
    }

    @Test
    void ordinarySmIsDeliveredEndToEnd() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertEquals(RouterLab.ROUTER_GT, routing.networkNodeNumber(), "the router names itself as serving node");
        Correlation correlation = next(observer.correlations);
        assertEquals(routing.imsi(), correlation.id().toString());
        assertEquals(IMSI, correlation.imsi().digits());
        assertEquals(RouterLab.MSC_GT, correlation.mscNumber());
        assertEquals(RouterLab.FOREIGN_SMSC_GT, correlation.smscAddress());

        SmsDeliver sm = Sms.deliver(0x00, "4930123456", "hello".getBytes(StandardCharsets.US_ASCII));
        int before = msc.deliveredTo(IMSI).size();
        foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), Sms.encode(sm), false)
                .get(WAIT, TimeUnit.SECONDS);

        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(before + 1, got.size(), "the MSC got it under the real IMSI");
        assertEquals(sm, got.get(got.size() - 1));
        assertTrue(msc.deliveredTo(routing.imsi()).isEmpty(), "nothing under the correlation ID");
        RecordingObserver.Forwarded forwarded = next(observer.forwarded);
        assertTrue(forwarded.outcome().delivered());
        assertEquals(RouterLab.MSC_GT, forwarded.outcome().servingNode());
        assertEquals(Ingress.ROUTER_MT, forwarded.item().ingress());
        assertEquals(IMSI, forwarded.item().targetImsi().digits());
        assertEquals(RouterLab.FOREIGN_SMSC_GT, forwarded.item().originator().networkNode().digits());
        assertEquals("4930123456", forwarded.item().originator().tpOriginatingAddress().digits());
    }

    @Test
    void absentAtTheMscTheSmGoesOnToTheSgsn() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(PS_MSISDN, PS_MSISDN).get(WAIT, TimeUnit.SECONDS);
        Correlation correlation = next(observer.correlations);
        assertEquals(RouterLab.MSC_GT, correlation.mscNumber());
        assertEquals(RouterLab.SGSN_GT, correlation.sgsnNumber(), "the HLR's additional number is the SGSN");
        long before = router.counters().otherNodeTried();

        SmsDeliver sm = Sms.deliver(0x00, "4930123456", "via PS".getBytes(StandardCharsets.US_ASCII));
        foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), Sms.encode(sm), false).get(WAIT, TimeUnit.SECONDS);

        assertEquals(List.of(RouterLab.MSC_GT, RouterLab.SGSN_GT), msc.attemptsFor(PS_IMSI), "the MSC first, then the SGSN");
        assertEquals(List.of(sm), msc.deliveredTo(PS_IMSI));
        RecordingObserver.Forwarded forwarded = next(observer.forwarded);
        assertTrue(forwarded.outcome().delivered());
        assertEquals(RouterLab.SGSN_GT, forwarded.outcome().servingNode());
        assertEquals(before + 1, router.counters().otherNodeTried());
    }

    @Test
    void absentAtBothNodesTheSenderGetsAbsentSubscriberSm() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(GONE_MSISDN, GONE_MSISDN).get(WAIT, TimeUnit.SECONDS);
        SmsDeliver sm = Sms.deliver(0x00, "4930123456", "nobody".getBytes(StandardCharsets.US_ASCII));
        MapFailure failure = failureOf(foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), Sms.encode(sm), false));
        assertEquals(MAPErrorCode.absentSubscriberSM, failure.errorCode().orElseThrow(), "the last node's error is relayed");
        assertEquals(List.of(RouterLab.MSC_GT, RouterLab.SGSN_GT), msc.attemptsFor(GONE_IMSI));
        assertTrue(msc.deliveredTo(GONE_IMSI).isEmpty());
        RecordingObserver.Forwarded forwarded = next(observer.forwarded);
        assertFalse(forwarded.outcome().delivered());
        assertEquals(RouterLab.SGSN_GT, forwarded.outcome().servingNode());
    }

    @Test
    void sriAnswerNeverCarriesTheRealImsi() throws Exception {
        List<CompletableFuture<RoutingInfo>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(foreign.sendRoutingInfoForSm(MSISDN, MSISDN));
        }
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<RoutingInfo> answer : answers) {
            RoutingInfo routing = answer.get(WAIT, TimeUnit.SECONDS);
            assertNotEquals(IMSI, routing.imsi());
            assertFalse(routing.imsi().contains(IMSI.substring(5)), "no trace of the MSIN");
            assertTrue(routing.imsi().matches("26201[0-9]{10}"), routing.imsi());
            assertEquals(RouterLab.ROUTER_GT, routing.networkNodeNumber());
            ids.add(routing.imsi());
        }
        assertEquals(20, ids.size(), "every SRI-SM gets its own correlation ID");
    }

    @Test
    void triggerFromForeignSmscIsBlocked() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        MapFailure failure = failureOf(sendSm(foreign, 0x48, "4930123456"));
        assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
        RecordingObserver.Blocked blocked = next(observer.blocked);
        assertEquals("router-foreign-trigger", blocked.verdict().ruleId());
        assertEquals(0x48, blocked.item().tpPid());
        assertEquals(before, msc.deliveredTo(IMSI).size(), "nothing reached the MSC");
        assertTrue(router.counters().blocked() >= 1);
    }

    @Test
    void triggerFromTheHomeSmsScIsDelivered() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        sendSm(home, 0x48, "4930123456").get(WAIT, TimeUnit.SECONDS);
        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(before + 1, got.size());
        SmsDeliver trigger = got.get(got.size() - 1);
        assertEquals(0x48, trigger.protocolIdentifier());
        assertEquals(new ApplicationPort(9200, 0, true), trigger.userData().header().applicationPort().orElseThrow());
        assertEquals("home-network.trigger-sms-sc", next(observer.forwarded).verdict().ruleId());
    }

    @Test
    void homeAddressFromAForeignGtIsBlocked() throws Exception {
        SmscPeer spoofing = new SmscPeer(lab.smsc, RouterLab.FOREIGN_SMSC_GT, HOME_SMSC);
        try {
            MapFailure failure = failureOf(sendSm(spoofing, 0x48, "4930123456"));
            assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
            assertEquals(RouterLab.FOREIGN_SMSC_GT, next(observer.blocked).item().originator().networkNode().digits());
        } finally {
            spoofing.detach();
        }
    }

    @Test
    void otaPassesOnlyFromTheOtaPlatformThroughTheHomeSmsSc() throws Exception {
        assertEquals(MAPErrorCode.facilityNotSupported,
                failureOf(sendSm(foreign, 0x7F, LabPolicy.OTA_PLATFORM)).errorCode().orElseThrow());
        assertEquals("router-foreign-sim-data-download", next(observer.blocked).verdict().ruleId());
        assertEquals(MAPErrorCode.facilityNotSupported,
                failureOf(sendSm(home, 0x7F, "4930123456")).errorCode().orElseThrow(), "home SMS-SC, other TP-OA");
        next(observer.blocked);
        int before = msc.deliveredTo(IMSI).size();
        sendSm(home, 0x7F, LabPolicy.OTA_PLATFORM).get(WAIT, TimeUnit.SECONDS);
        assertEquals(before + 1, msc.deliveredTo(IMSI).size());
        assertEquals(0x7F, next(observer.forwarded).item().tpPid());
    }

    @Test
    void correlationExpiresAfterItsTtl() throws Exception {
        RoutingInfo kept = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        RoutingInfo expired = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        byte[] tpdu = Sms.encode(Sms.deliver(0x00, "4930123456", new byte[] {1}));
        clock.advance(TTL.minusSeconds(1));
        foreign.mtForwardSm(kept.imsi(), RouterLab.ROUTER_GT, tpdu, false).get(WAIT, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(1));
        MapFailure failure = failureOf(foreign.mtForwardSm(expired.imsi(), RouterLab.ROUTER_GT, tpdu, false));
        assertEquals(MAPErrorCode.unidentifiedSubscriber, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.UNKNOWN_CORRELATION, next(observer.errors).error());
        assertTrue(router.expireCorrelations() >= 1, "the other one is dropped by the periodic sweep");
    }

    @Test
    void unknownCorrelationIdIsUnidentifiedSubscriber() throws Exception {
        long before = router.counters().protocolErrors(ProtocolError.UNKNOWN_CORRELATION);
        byte[] tpdu = Sms.encode(Sms.deliver(0x00, "4930123456", new byte[] {1}));
        MapFailure failure = failureOf(foreign.mtForwardSm("262019999999999", RouterLab.ROUTER_GT, tpdu, false));
        assertEquals(MAPErrorCode.unidentifiedSubscriber, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.UNKNOWN_CORRELATION, next(observer.errors).error());
        assertEquals(before + 1, router.counters().protocolErrors(ProtocolError.UNKNOWN_CORRELATION));
    }

    @Test
    void correlationIsBoundToTheServiceCentreThatAsked() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        SmscPeer other = new SmscPeer(lab.smsc, "33699999999", "33699999999");
        try {
            MapFailure failure = failureOf(other.mtForwardSm(routing.imsi(), RouterLab.ROUTER_GT,
                    Sms.encode(Sms.deliver(0x00, "4930123456", new byte[] {1})), false));
            assertEquals(MAPErrorCode.unidentifiedSubscriber, failure.errorCode().orElseThrow());
            assertEquals(ProtocolError.SERVICE_CENTRE_MISMATCH, next(observer.errors).error());
        } finally {
            other.detach();
        }
    }

    @Test
    void malformedTpduIsRefusedAndNotForwarded() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        int before = msc.deliveredTo(IMSI).size();
        byte[] truncated = {0x04, 0x0B, (byte) 0x91, 0x39};
        MapFailure failure = failureOf(foreign.mtForwardSm(routing.imsi(), RouterLab.ROUTER_GT, truncated, false));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.MALFORMED_TPDU, next(observer.errors).error());
        byte[] submitOnMtPath = {0x01, 0x00, 0x00};
        assertEquals(MAPErrorCode.smDeliveryFailure, failureOf(foreign.mtForwardSm(routing.imsi(),
                RouterLab.ROUTER_GT, submitOnMtPath, false)).errorCode().orElseThrow());
        assertEquals(before, msc.deliveredTo(IMSI).size());
    }

    @Test
    void hlrErrorsAreRelayedUnchanged() throws Exception {
        long before = router.counters().hlrErrors();
        assertEquals(MAPErrorCode.unknownSubscriber,
                failureOf(foreign.sendRoutingInfoForSm("491709999999", "491709999999")).errorCode().orElseThrow());
        assertEquals(MAPErrorCode.absentSubscriberSM,
                failureOf(foreign.sendRoutingInfoForSm(ABSENT_MSISDN, ABSENT_MSISDN)).errorCode().orElseThrow());
        assertEquals(before + 2, router.counters().hlrErrors());
        assertNull(observer.correlations.poll(), "no correlation for a refused SRI-SM");
    }

    /** The HLR never answers: the router's invoke timer (1.5 s here) ends its dialog and the SMSC gets systemFailure. */
    @Test
    void silentHlrEndsWithTheInvokeTimerAndSystemFailure() throws Exception {
        hlr.detach();
        try {
            long start = System.nanoTime();
            MapFailure failure = failureOf(foreign.sendRoutingInfoForSm(MSISDN, MSISDN));
            assertEquals(MAPErrorCode.systemFailure, failure.errorCode().orElseThrow());
            RecordingObserver.Error error = next(observer.errors);
            assertEquals(ProtocolError.OUTGOING_DIALOG_FAILED, error.error());
            assertTrue(error.detail().contains("invoke timeout"), error.detail());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "well before the SMSC's own timer");
        } finally {
            hlr = newHlr();
        }
    }

    @Test
    void wrongApplicationContextIsRefused() throws Exception {
        MAPDialogSms dialog = rawDialog(MAPApplicationContextName.shortMsgMORelayContext, 3);
        MAPParameterFactory f = lab.smsc.mapProvider().getMAPParameterFactory();
        AddressString sc = f.createAddressString(AddressNature.international_number, NumberingPlan.ISDN, HOME_SMSC);
        dialog.addMoForwardShortMessageRequest(f.createSM_RP_DA(sc), f.createSM_RP_OA_Msisdn(
                f.createISDNAddressString(AddressNature.international_number, NumberingPlan.ISDN, MSISDN)),
                f.createSmsSignalInfo(new byte[] {0x01, 0x00, 0x00}, null), null, null);
        assertEquals("refused", sendRaw(dialog));
        assertEquals(ProtocolError.WRONG_APPLICATION_CONTEXT, next(observer.errors).error());
    }

    /**
     * An operation that does not belong to the context (MT-ForwardSM in shortMsgGatewayContext): the stack's gate
     * aborts it (MAP-ProviderAbortInfo) before the router sees it.
     */
    @Test
    void operationOutsideItsContextIsAborted() throws Exception {
        long before = gateRefusals(ProtocolError.UNEXPECTED_COMPONENT);
        MAPDialogSms dialog = rawDialog(MAPApplicationContextName.shortMsgGatewayContext, 3);
        MAPProvider provider = lab.smsc.mapProvider();
        Invoke invoke = ((org.mobicents.protocols.ss7.map.MAPProviderImpl) provider).getTCAPProvider().getComponentPrimitiveFactory().createTCInvokeRequest();
        invoke.setInvokeId(((MAPDialogImpl) dialog).getTcapDialog().getNewInvokeId());
        invoke.setOperationCode(opCode(provider, MAPOperationCode.mt_forwardSM));
        invoke.setParameter(octets(provider, new byte[] {1, 2, 3}));
        dialog.sendInvokeComponent(invoke);
        assertEquals("provider abort", sendRaw(dialog));
        assertEquals(before + 1, gateRefusals(ProtocolError.UNEXPECTED_COMPONENT));
    }

    private long gateRefusals(ProtocolError error) {
        return lab.router.gate().refusals().get(error);
    }

    @Test
    void duplicatedInvokeAbortsTheDialog() throws Exception {
        long before = gateRefusals(ProtocolError.MULTIPLE_COMPONENTS);
        MAPDialogSms dialog = rawDialog(MAPApplicationContextName.shortMsgGatewayContext, 3);
        MAPParameterFactory f = lab.smsc.mapProvider().getMAPParameterFactory();
        for (int i = 0; i < 2; i++) {
            dialog.addSendRoutingInfoForSMRequest(f.createISDNAddressString(AddressNature.international_number,
                    NumberingPlan.ISDN, MSISDN), true, f.createAddressString(AddressNature.international_number,
                    NumberingPlan.ISDN, RouterLab.FOREIGN_SMSC_GT), null, false, null, null, null, false, null, false,
                    false, null);
        }
        assertEquals("provider abort", sendRaw(dialog));
        assertEquals(before + 1, gateRefusals(ProtocolError.MULTIPLE_COMPONENTS), "refused whole by the gate");
        assertNull(observer.correlations.poll(2, TimeUnit.SECONDS), "the HLR's late answer creates no correlation");
    }

    /** A component MAP cannot decode: aborted at once by the stack's gate, no dialog waits. */
    @Test
    void undecodableInvokeIsAbortedAtOnce() throws Exception {
        long before = gateRefusals(ProtocolError.UNDECODABLE_COMPONENT);
        MAPDialogSms dialog = rawDialog(MAPApplicationContextName.shortMsgGatewayContext, 3);
        MAPProvider provider = lab.smsc.mapProvider();
        Invoke invoke = ((org.mobicents.protocols.ss7.map.MAPProviderImpl) provider).getTCAPProvider().getComponentPrimitiveFactory().createTCInvokeRequest();
        invoke.setInvokeId(((MAPDialogImpl) dialog).getTcapDialog().getNewInvokeId());
        invoke.setOperationCode(opCode(provider, MAPOperationCode.sendRoutingInfoForSM));
        invoke.setParameter(octets(provider, new byte[] {(byte) 0xFF, 0x00}));
        dialog.sendInvokeComponent(invoke);
        assertEquals("provider abort", sendRaw(dialog));
        assertEquals(before + 1, gateRefusals(ProtocolError.UNDECODABLE_COMPONENT));
    }

    /**
     * An SMS-STATUS-REPORT carries nothing for the SIM: it passes as an ordinary SM. The lab MSC only takes
     * SMS-DELIVERs and answers sm-DeliveryFailure, which the router relays unchanged: the serving node's error
     * reaches the SMSC as it was.
     */
    @Test
    void statusReportPassesAndTheServingNodesErrorIsRelayed() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        byte[] statusReport = {0x02, 0x05, 0x0B, (byte) 0x91, (byte) 0x94, 0x71, 0x01, 0x00, 0x00, (byte) 0xF1,
                0x62, 0x11, 0x22, 0x31, 0x14, 0x63, 0x40, 0x62, 0x11, 0x22, 0x31, 0x24, 0x63, 0x40, 0x00};
        MapFailure failure = failureOf(foreign.mtForwardSm(routing.imsi(), RouterLab.ROUTER_GT, statusReport, false));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        RecordingObserver.Forwarded forwarded = next(observer.forwarded);
        assertEquals(0, forwarded.item().tpPid());
        assertEquals(ForwardOutcome.Result.MAP_ERROR, forwarded.outcome().result());
        assertEquals(MAPErrorCode.smDeliveryFailure, forwarded.outcome().mapErrorCode());
    }

    /** ForwardSM in shortMsgMTRelayContext v2 is relayed in v2 and its result comes back. */
    @Test
    void mapVersion2ForwardSmIsRelayedInVersion2() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        MAPDialogSms dialog = rawDialog(MAPApplicationContextName.shortMsgMTRelayContext, 2);
        MAPParameterFactory f = lab.smsc.mapProvider().getMAPParameterFactory();
        SmsDeliver sm = Sms.deliver(0x00, "4930123456", new byte[] {9, 9});
        int before = msc.deliveredTo(IMSI).size();
        dialog.addForwardShortMessageRequest(f.createSM_RP_DA(f.createIMSI(routing.imsi())),
                f.createSM_RP_OA_ServiceCentreAddressOA(f.createAddressString(AddressNature.international_number,
                        NumberingPlan.ISDN, RouterLab.FOREIGN_SMSC_GT)),
                f.createSmsSignalInfo(Sms.encode(sm), null), false);
        assertEquals("result", sendRaw(dialog));
        assertEquals(before + 1, msc.deliveredTo(IMSI).size());
        assertTrue(next(observer.forwarded).outcome().delivered());
    }

    @Test
    void fullCorrelationStoreRefusesWithSystemFailure() throws Exception {
        store.full = true;
        try {
            MapFailure failure = failureOf(foreign.sendRoutingInfoForSm(MSISDN, MSISDN));
            assertEquals(MAPErrorCode.systemFailure, failure.errorCode().orElseThrow());
            assertEquals(ProtocolError.CORRELATION_STORE_FULL, next(observer.errors).error());
        } finally {
            store.full = false;
        }
    }

    /** The router's store, which a test can make refuse every new correlation, as a full store does. */
    private static final class FillableStore implements CorrelationStore {
        private final CorrelationStore delegate;
        volatile boolean full;

        FillableStore(CorrelationStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean put(Correlation correlation) {
            return !full && delegate.put(correlation);
        }

        @Override
        public java.util.Optional<Correlation> find(org.mtcgate.filter.routing.CorrelationId id, Instant now) {
            return delegate.find(id, now);
        }

        @Override
        public int expire(Instant now) {
            return delegate.expire(now);
        }

        @Override
        public int size() {
            return delegate.size();
        }
    }

    // ---- helpers ----

    /** SRI-SM then MT-ForwardSM of an SMS-DELIVER with {@code pid} from TP-OA {@code tpOa}, by {@code smsc}. */
    private CompletableFuture<Void> sendSm(SmscPeer smsc, int pid, String tpOa) throws Exception {
        RoutingInfo routing = smsc.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        return smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(),
                Sms.encode(Sms.deliver(pid, tpOa, new byte[] {0x01, 0x02, 0x03})), false);
    }

    private static MapFailure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
        return assertInstanceOf(MapFailure.class, e.getCause());
    }

    private MAPDialogSms rawDialog(MAPApplicationContextName context, int version) throws Exception {
        MAPDialogSms dialog = lab.smsc.mapProvider().getMAPServiceSms().createNewDialog(
                MAPApplicationContext.getInstance(context, MAPApplicationContextVersion.getInstance(version)),
                lab.smsc.localAddress(Ss7StackConfig.SSN_MSC), null,
                GlobalTitles.routeOnGt(RouterLab.ROUTER_GT, Ss7StackConfig.SSN_MSC), null);
        rawOutcomes.put(dialog.getLocalDialogId(), new CompletableFuture<>());
        return dialog;
    }

    private String sendRaw(MAPDialog dialog) throws Exception {
        CompletableFuture<String> outcome = rawOutcomes.get(dialog.getLocalDialogId());
        dialog.send();
        return outcome.get(WAIT, TimeUnit.SECONDS);
    }

    private static org.mobicents.protocols.ss7.tcap.asn.comp.OperationCode opCode(MAPProvider provider, int code) {
        var oc = ((org.mobicents.protocols.ss7.map.MAPProviderImpl) provider).getTCAPProvider().getComponentPrimitiveFactory().createOperationCode();
        oc.setLocalOperationCode((long) code);
        return oc;
    }

    private static Parameter octets(MAPProvider provider, byte[] data) {
        Parameter p = ((org.mobicents.protocols.ss7.map.MAPProviderImpl) provider).getTCAPProvider().getComponentPrimitiveFactory().createParameter();
        p.setTagClass(0);
        p.setPrimitive(true);
        p.setTag(4);
        p.setData(data);
        return p;
    }

    /** Completes the outcome of each raw dialog with the first thing the router did to it. */
    private final class RawWatcher extends SmsListenerAdapter {
        private void complete(MAPDialog dialog, String what) {
            CompletableFuture<String> f = rawOutcomes.get(dialog.getLocalDialogId());
            if (f != null) {
                f.complete(what);
            }
        }

        @Override
        public void onDialogReject(MAPDialog dialog, MAPRefuseReason reason, ApplicationContextName alternative,
                                   MAPExtensionContainer extension) {
            complete(dialog, "refused");
        }

        @Override
        public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer ext) {
            complete(dialog, "user abort");
        }

        @Override
        public void onDialogProviderAbort(MAPDialog dialog, org.mobicents.protocols.ss7.map.api.dialog.MAPAbortProviderReason reason,
                                          org.mobicents.protocols.ss7.map.api.dialog.MAPAbortSource source,
                                          MAPExtensionContainer ext) {
            complete(dialog, "provider abort");
        }

        @Override
        public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
            complete(dialog, "reject " + problem);
        }

        @Override
        public void onErrorComponent(MAPDialog dialog, Long invokeId, MAPErrorMessage error) {
            complete(dialog, "error " + error.getErrorCode());
        }

        @Override
        public void onForwardShortMessageResponse(ForwardShortMessageResponse response) {
            complete(response.getMAPDialog(), "result");
        }

        @Override
        public void onDialogRelease(MAPDialog dialog) {
            complete(dialog, "released");
        }
    }
}

package org.mtcgate.map.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.attack.wire.RawM3uaPeer;
import org.mtcgate.map.attack.wire.Tcap;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.RefusedReply;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.map.testing.Sms;

/**
 * Replies injected into the router's own dialogs (GSMA FS.11 category 3: a peer on the interconnect answering in
 * place of the HLR), over real M3UA/TCP. jSS7 finds the dialog of a TC-CONTINUE, TC-END or TC-ABORT by its
 * destination transaction ID alone; the attacker, a raw M3UA peer on the interconnect ("gw"), sends such messages
 * with the ID of the router's pending SRI-for-SM to the HLR (held open by an HLR that answers only when told), from
 * the HLR's GT. Each case asserts what the SMSC got, what reached the MSC, the drop count and its report (what the
 * node audits), and that legitimate traffic is served afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyInjectionAttackTest {
    private static final long WAIT = 15;
    private static final long ROUTER_INVOKE_MILLIS = 1_500;
    private static final String ROUTER_GT = "491720000300";
    private static final String HLR_GT = "491720000006";
    private static final String MSC_GT = "49172000208";
    private static final String FOREIGN_SMSC_GT = "33612000000";
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";
    private static final int ROUTER_PC = 1;
    private static final int ATTACKER_PC = 9;
    private static final long ATTACKER_RC = 109;

    @TempDir
    static Path dataDir;

    private Ss7Stack hlrStack;
    private Ss7Stack mscStack;
    private Ss7Stack smscStack;
    private Ss7Stack routerStack;
    private RawM3uaPeer attacker;
    private HeldHlr hlr;
    private volatile MscPeer msc;
    private SmscPeer smsc;
    private SmsRouter router;
    private final Reports reports = new Reports();
    private final LinkedBlockingQueue<RefusedReply> refused = new LinkedBlockingQueue<>();

    @BeforeAll
    void startLab() throws Exception {
        int[] p = FreePorts.distinct(8);
        hlrStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("inj-hlr").dataDir(dataDir)
                .role(AssociationRole.SERVER).local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, ROUTER_PC)
                .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR_GT).build());
        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("inj-msc").dataDir(dataDir)
                .role(AssociationRole.SERVER).local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, ROUTER_PC)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(MSC_GT).build());
        smscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("inj-smsc").dataDir(dataDir)
                .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, ROUTER_PC)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                .localGlobalTitle(FOREIGN_SMSC_GT).build());
        routerStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("inj-router").dataDir(dataDir)
                .localPointCode(ROUTER_PC).localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                .localGlobalTitle(ROUTER_GT).timeouts(ROUTER_INVOKE_MILLIS, 2 * ROUTER_INVOKE_MILLIS)
                .peer(RemotePeer.builder("smsc").role(AssociationRole.SERVER).local("127.0.0.1", p[0])
                        .remote("127.0.0.1", p[1]).pointCode(2).ssns(Ss7StackConfig.SSN_MSC).zone(Zone.INTERCONNECT).build())
                .peer(RemotePeer.builder("hlr").local("127.0.0.1", p[2]).remote("127.0.0.1", p[3]).pointCode(3)
                        .ssns(Ss7StackConfig.SSN_HLR).gtPrefixes(HLR_GT).zone(Zone.HOME).build())
                .peer(RemotePeer.builder("msc").local("127.0.0.1", p[4]).remote("127.0.0.1", p[5]).pointCode(4)
                        .ssns(Ss7StackConfig.SSN_MSC).gtPrefixes(MSC_GT).zone(Zone.HOME).build())
                .peer(RemotePeer.builder("gw").role(AssociationRole.SERVER).local("127.0.0.1", p[6])
                        .remote("127.0.0.1", p[7]).pointCode(ATTACKER_PC).routingContext(ATTACKER_RC)
                        .ssns(Ss7StackConfig.SSN_MSC).zone(Zone.INTERCONNECT).build())
                .defaultPeer("smsc").build());
        routerStack.onReplyFromWrongLink(refused::add);
        hlr = new HeldHlr(hlrStack);
        msc = new MscPeer(mscStack);
        smsc = new SmscPeer(smscStack);
        router = SmsRouter.attach(routerStack, RouterConfig.of(ROUTER_GT, HLR_GT, "26201", Duration.ofMinutes(2)),
                LabPolicy.engine(), new MemoryCorrelationStore(100),
                new MutableClock(Instant.parse("2026-11-22T12:00:00Z")), reports);
        for (Ss7Stack s : List.of(hlrStack, mscStack, routerStack, smscStack)) {
            s.connect();
        }
        // the attacker calls from the HLR's GT: nothing in what it writes tells it apart, only the link it uses
        attacker = RawM3uaPeer.connect(p[7], p[6], ATTACKER_RC, ATTACKER_PC, ROUTER_PC, HLR_GT,
                TimeUnit.SECONDS.toMillis(WAIT));
        for (Ss7Stack s : List.of(hlrStack, mscStack, routerStack, smscStack)) {
            s.active().get(WAIT, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stopLab() throws Exception {
        if (attacker != null) {
            attacker.close();
        }
        for (Ss7Stack s : new Ss7Stack[] {smscStack, routerStack, mscStack, hlrStack}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @BeforeEach
    void clear() {
        reports.clear();
        refused.clear();
        hlr.held.clear();
    }

    /**
     * A forged TC-END for the pending SRI-SM (which would have ended it without an answer, or with a result naming
     * the attacker's MSC) is dropped; the HLR's real answer, later, is what the SMSC gets, and an SM to it reaches
     * the real MSC.
     */
    @Test
    void forgedTcEndForThePendingSriIsDroppedAndTheRealAnswerIsUsed() throws Exception {
        long droppedBefore = routerStack.repliesFromWrongLink();
        int deliveredBefore = msc.deliveredTo(IMSI).size();
        CompletableFuture<RoutingInfo> answer = smsc.sendRoutingInfoForSm(MSISDN, MSISDN);
        SendRoutingInfoForSMRequest pending = next(hlr.held);
        long routerDialog = pending.getMAPDialog().getRemoteDialogId();

        inject(Tcap.end(routerDialog, null));

        assertRefused("TC-END", routerDialog);
        assertEquals(droppedBefore + 1, routerStack.repliesFromWrongLink());
        assertFalse(answer.isDone(), "the forged TC-END did not end the router's dialog");
        hlr.answer(pending, IMSI, MSC_GT);
        RoutingInfo routing = answer.get(WAIT, TimeUnit.SECONDS);
        assertEquals(ROUTER_GT, routing.networkNodeNumber());
        assertNotEquals(IMSI, routing.imsi(), "a correlation ID, never the IMSI");
        Correlation correlation = next(reports.correlations);
        assertEquals(MSC_GT, correlation.mscNumber(), "the real HLR's MSC, not one a forger named");

        smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(), false).get(WAIT, TimeUnit.SECONDS);
        assertEquals(deliveredBefore + 1, msc.deliveredTo(IMSI).size(), "the real MSC got the SM");
    }

    /**
     * The HLR stays silent; a forged TC-CONTINUE and TC-ABORT for the pending SRI-SM are dropped, and the SMSC gets
     * systemFailure when the router's invoke timer runs out, not the attacker's outcome. No correlation is made.
     */
    @Test
    void forgedContinueAndAbortAreDroppedAndTheSmscGetsSystemFailureAtTheTimeout() throws Exception {
        long droppedBefore = routerStack.repliesFromWrongLink();
        long correlationsBefore = router.counters().correlationsCreated();
        CompletableFuture<RoutingInfo> answer = smsc.sendRoutingInfoForSm(MSISDN, MSISDN);
        long routerDialog = next(hlr.held).getMAPDialog().getRemoteDialogId();

        inject(Tcap.continueMessage(0x0A0B0C0DL, routerDialog, null));
        assertRefused("TC-CONTINUE", routerDialog);
        inject(Tcap.abort(routerDialog));
        assertRefused("TC-ABORT", routerDialog);
        assertEquals(droppedBefore + 2, routerStack.repliesFromWrongLink());

        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(WAIT, TimeUnit.SECONDS));
        MapFailure failure = assertInstanceOf(MapFailure.class, e.getCause());
        assertEquals(MAPErrorCode.systemFailure, failure.errorCode().orElseThrow());
        Reports.Error error = next(reports.errors);
        assertEquals(ProtocolError.OUTGOING_DIALOG_FAILED, error.error());
        assertTrue(error.detail().contains("invoke timeout"), error.detail());
        assertEquals(correlationsBefore, router.counters().correlationsCreated());
        assertNull(reports.correlations.poll());
        assertLegitimateTrafficServed();
    }

    /**
     * Guessing: TC-ENDs for a run of IDs around the pending one. Each that names a live dialog of the router is
     * dropped: the router's SRI-SM to the HLR and the SMSC's own incoming dialog (which a TC-END would otherwise
     * have torn down before it was answered) both survive.
     */
    @Test
    void enumeratedTcEndsDoNotEndThePendingSri() throws Exception {
        CompletableFuture<RoutingInfo> answer = smsc.sendRoutingInfoForSm(MSISDN, MSISDN);
        SendRoutingInfoForSMRequest pending = next(hlr.held);
        long routerDialog = pending.getMAPDialog().getRemoteDialogId();
        for (long id = Math.max(1, routerDialog - 5); id <= routerDialog + 5; id++) {
            inject(Tcap.end(id, null));
        }
        RefusedReply hit = null;
        for (RefusedReply r = refused.poll(WAIT, TimeUnit.SECONDS); r != null; r = refused.poll(1, TimeUnit.SECONDS)) {
            hit = r.transactionId() == routerDialog ? r : hit;
        }
        assertTrue(hit != null, "the pending dialog's ID was among the dropped");
        assertEquals("hlr", hit.expectedPeer());
        assertFalse(answer.isDone());
        hlr.answer(pending, IMSI, MSC_GT);
        assertEquals(ROUTER_GT, answer.get(WAIT, TimeUnit.SECONDS).networkNodeNumber());
        assertEquals(MSC_GT, next(reports.correlations).mscNumber());
    }

    /**
     * The router's MT-ForwardSM to the MSC is pending (the MSC holds it); a forged TC-END for it from the interconnect
     * is dropped, and what the SMSC gets is the MSC's real answer.
     */
    @Test
    void forgedTcEndForThePendingMtForwardSmIsDropped() throws Exception {
        CompletableFuture<RoutingInfo> asked = smsc.sendRoutingInfoForSm(MSISDN, MSISDN);
        hlr.answer(next(hlr.held), IMSI, MSC_GT);
        RoutingInfo routing = asked.get(WAIT, TimeUnit.SECONDS);
        HeldMsc held = new HeldMsc(mscStack);
        msc.detach();
        try {
            CompletableFuture<Void> delivered = smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(),
                    false);
            MtForwardShortMessageRequest pending = next(held.held);
            long routerDialog = pending.getMAPDialog().getRemoteDialogId();
            assertEquals(IMSI, pending.getSM_RP_DA().getIMSI().getData(), "the router sent the real IMSI to the MSC");

            inject(Tcap.end(routerDialog, null));
            RefusedReply r = next(refused);
            assertEquals("TC-END", r.message());
            assertEquals(routerDialog, r.transactionId());
            assertEquals("gw", r.arrivedOn());
            assertEquals("msc", r.expectedPeer());
            assertFalse(delivered.isDone(), "the forged TC-END did not end the router's MT-ForwardSM");

            held.answer(pending);
            delivered.get(WAIT, TimeUnit.SECONDS);
            assertTrue(next(reports.forwarded), "the router relayed the MSC's own success");
        } finally {
            held.detach();
            msc = new MscPeer(mscStack);
        }
        assertLegitimateTrafficServed();
    }

    // ---- helpers ----

    /** One UDT from the attacker's link, calling from the HLR's GT, to the router's GT and SSN 8. */
    private void inject(byte[] tcap) throws Exception {
        attacker.sendTcap(ROUTER_GT, Ss7StackConfig.SSN_MSC, tcap);
    }

    private void assertRefused(String message, long dialog) throws InterruptedException {
        RefusedReply r = next(refused);
        assertEquals(message, r.message());
        assertEquals(dialog, r.transactionId());
        assertEquals("gw", r.arrivedOn());
        assertEquals("hlr", r.expectedPeer());
    }

    private void assertLegitimateTrafficServed() throws Exception {
        int before = msc.deliveredTo(IMSI).size();
        CompletableFuture<RoutingInfo> answer = smsc.sendRoutingInfoForSm(MSISDN, MSISDN);
        hlr.answer(next(hlr.held), IMSI, MSC_GT);
        RoutingInfo routing = answer.get(WAIT, TimeUnit.SECONDS);
        smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu(), false).get(WAIT, TimeUnit.SECONDS);
        assertEquals(before + 1, msc.deliveredTo(IMSI).size());
    }

    private static byte[] tpdu() {
        return Sms.encode(Sms.deliver(0x00, "4930123456", "hello".getBytes(StandardCharsets.US_ASCII)));
    }

    private static <T> T next(LinkedBlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(WAIT, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("nothing came within " + WAIT + " s");
        }
        return item;
    }

    /** An HLR that holds each SRI-for-SM until the test answers it (or never does). */
    private static final class HeldHlr extends SmsListenerAdapter {
        final LinkedBlockingQueue<SendRoutingInfoForSMRequest> held = new LinkedBlockingQueue<>();
        private final MAPParameterFactory parameters;

        HeldHlr(Ss7Stack stack) {
            this.parameters = stack.mapProvider().getMAPParameterFactory();
            stack.mapProvider().getMAPServiceSms().addMAPServiceListener(this);
        }

        @Override
        public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
            held.add(request);
        }

        void answer(SendRoutingInfoForSMRequest request, String imsi, String msc) throws MAPException {
            MAPDialogSms dialog = request.getMAPDialog();
            dialog.addSendRoutingInfoForSMResponse(request.getInvokeId(), parameters.createIMSI(imsi),
                    parameters.createLocationInfoWithLMSI(parameters.createISDNAddressString(
                            AddressNature.international_number, NumberingPlan.ISDN, msc), null, null, false, null),
                    null, null, null);
            dialog.close(false);
        }
    }

    /** An MSC that holds each MT-ForwardSM until the test answers it. */
    private static final class HeldMsc extends SmsListenerAdapter {
        final LinkedBlockingQueue<MtForwardShortMessageRequest> held = new LinkedBlockingQueue<>();
        private final Ss7Stack stack;

        HeldMsc(Ss7Stack stack) {
            this.stack = stack;
            stack.mapProvider().getMAPServiceSms().addMAPServiceListener(this);
        }

        void detach() {
            stack.mapProvider().getMAPServiceSms().removeMAPServiceListener(this);
        }

        @Override
        public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
            held.add(request);
        }

        void answer(MtForwardShortMessageRequest request) throws MAPException {
            MAPDialogSms dialog = request.getMAPDialog();
            dialog.addMtForwardShortMessageResponse(request.getInvokeId(), null, null);
            dialog.close(false);
        }
    }

    /** What the router reports: what the node's audit log and metrics are fed from. */
    private static final class Reports implements RouterObserver {
        record Error(ProtocolError error, String detail) {
        }

        final LinkedBlockingQueue<Correlation> correlations = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Error> errors = new LinkedBlockingQueue<>();
        /** Whether each forwarded SM was delivered. */
        final LinkedBlockingQueue<Boolean> forwarded = new LinkedBlockingQueue<>();

        @Override
        public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
            forwarded.add(outcome.delivered());
        }

        @Override
        public void correlationCreated(Correlation correlation) {
            correlations.add(correlation);
        }

        @Override
        public void protocolError(ProtocolError error, String detail) {
            errors.add(new Error(error, detail));
        }

        void clear() {
            correlations.clear();
            errors.clear();
            forwarded.clear();
        }
    }
}

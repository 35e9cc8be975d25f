package org.mtcgate.diameter.t4;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.AnswerResult;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** T4 over real sockets: the MTC-IWF's DTR client and DRR handler against the SMS-SC's DTR handler and DRR sender. */
class T4Test {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SMS_SC = "smsc.operator.test";
    static final String SCS = "scs1.utility.test";
    static final Imsi IMSI = Imsi.of("262015500000001");
    static final SmeAddress SCS_SME = SmeAddress.international("491720000999");

    record Report(TriggerId trigger, DeliveryOutcome outcome) {
    }

    final LoopbackNodes nodes = new LoopbackNodes();
    final Clock clock = Clock.systemUTC();
    final RecordingEngine engine = new RecordingEngine();
    final SmsScTriggers pending = new SmsScTriggers(100);
    final T4References references = new T4References(100, Duration.ofHours(1), clock);
    final LinkedBlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    DiameterNode smsScNode;
    DiameterNode mtcIwf;
    SmsScT4Application smsSc;
    T4DeliveryReportApplication drrHandler;
    T4TriggerSubmitter submitter;
    T4DeliveryReporter reporter;

    @BeforeEach
    void start() throws Exception {
        smsSc = new SmsScT4Application(engine, pending, Duration.ofDays(1), clock,
                T4IngressPolicy.trusting(MTC_IWF), org.mtcgate.filter.trigger.TriggerObserver.NONE);
        smsScNode = nodes.server(SMS_SC, MTC_IWF).registerHandler(ApplicationIds.T4, smsSc).start();
        drrHandler = new T4DeliveryReportApplication(references, (id, outcome) -> {
            reports.add(new Report(id, outcome));
            return CompletableFuture.completedFuture(true);
        });
        mtcIwf = nodes.client(MTC_IWF, smsScNode).registerHandler(ApplicationIds.T4, drrHandler).start();
        LoopbackNodes.awaitOpen(mtcIwf, SMS_SC);
        submitter = new T4TriggerSubmitter(mtcIwf, new T4ClientConfig("operator.test", SMS_SC,
                scs -> scs.equals(SCS) ? SCS_SME : null), references, clock);
        reporter = new T4DeliveryReporter(smsScNode, pending, clock);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    static DeviceTrigger trigger(long scsRef, String payload) {
        Instant now = Instant.now();
        return new DeviceTrigger(new TriggerId(SCS, scsRef), UeName.of(ExternalId.of("meter-1@meters.test")),
                new SubscriberInfo(IMSI, Msisdn.of("491701000001"), List.of("491720000200", "mme:mme1.epc.operator.test")),
                payload.getBytes(StandardCharsets.US_ASCII), 9200, true, now, now.plus(Duration.ofMinutes(10)),
                TriggerState.ACCEPTED, null);
    }

    static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    long t4Reference(TriggerId scsTrigger) {
        return references.referenceOf(scsTrigger).orElseThrow();
    }

    @Test
    void dtrIsAcceptedAndTheSmsScGetsEverythingItNeeds() throws Exception {
        DeviceTrigger t = trigger(42, "wake-up");
        assertTrue(get(submitter.submit(t)).isAccepted());
        long ref = t4Reference(t.id());

        DeviceTrigger atSmsSc = engine.submitted.get(0);
        assertEquals(new TriggerId(MTC_IWF, ref), atSmsSc.id(), "the SMS-SC names it by the MTC-IWF and the T4 reference");
        assertEquals(IMSI, atSmsSc.subscriber().imsi());
        assertEquals(Msisdn.of("491701000001"), atSmsSc.subscriber().msisdn());
        assertEquals(t.ue().externalId(), atSmsSc.ue().externalId(), "External-Identifier kept for the report (TS 23.682 5.3.1)");
        assertArrayEquals(t.payload(), atSmsSc.payload());
        assertEquals(9200, atSmsSc.applicationPort());
        assertTrue(atSmsSc.priority());
        assertEquals(List.of("491720000200", "mme:mme1.epc.operator.test"), atSmsSc.subscriber().servingNodes());
        assertTrue(Duration.between(atSmsSc.acceptedAt(), atSmsSc.expiresAt()).toSeconds() > 590, "Validity-Time carried");
        SmsScTriggers.Pending p = pending.get(atSmsSc.id()).orElseThrow();
        assertEquals(SCS_SME, p.sme());
        assertEquals(MTC_IWF, p.mtcIwfHost());

        // The same DTR again (same reference, same content) is taken once.
        assertTrue(get(submitter.submit(t)).isAccepted());
        assertEquals(1, engine.submitted.size());
    }

    @Test
    void noSmeAddressForTheScsIsAPermanentErrorAndNothingIsSent() throws Exception {
        DeviceTrigger t = new DeviceTrigger(new TriggerId("scs.unknown.test", 1), UeName.of(Msisdn.of("491701000001")),
                new SubscriberInfo(IMSI, null, List.of()), new byte[] {1}, -1, false, Instant.now(),
                Instant.now().plusSeconds(60), TriggerState.ACCEPTED, null);
        SubmissionResult r = get(submitter.submit(t));
        assertEquals(RequestStatus.PERMANENTERROR, r.status());
        assertEquals(0, submitter.sentCount());
    }

    /** The MTC-IWF's reading of every T4 result (TS 29.368 6.4.9), from a stand-in SMS-SC answering with that code. */
    @ParameterizedTest
    @CsvSource({"5530,true,PERMANENTERROR", "5531,true,TEMPORARYERROR", "5532,true,PERMANENTERROR", "5533,true,REPLACEFAIL",
            "5534,true,RECALLFAIL", "5535,true,ORIGINALMESSAGESENT", "5001,true,PERMANENTERROR",
            "3004,false,TEMPORARYERROR", "5012,false,PERMANENTERROR", "2001,false,SUCCESS"})
    void dtaResultCodesMapToRequestStatus(long code, boolean experimental, RequestStatus expected) throws Exception {
        DiameterNode fake = nodes.server("smsc2.other.test", "mtc-iwf2.operator.test").registerHandler(ApplicationIds.T4,
                (request, ctx) -> CompletableFuture.completedFuture((experimental ? Answers.experimental(request, ctx, code)
                        : ctx.answer(request, code).error(code >= 3000 && code < 4000))
                        .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1)).build())).start();
        DiameterNode client = nodes.client("mtc-iwf2.operator.test", fake).supportApplication(ApplicationIds.T4).start();
        LoopbackNodes.awaitOpen(client, "smsc2.other.test");
        T4References refs = new T4References(10, Duration.ofHours(1), clock);
        T4TriggerSubmitter s = new T4TriggerSubmitter(client, new T4ClientConfig("other.test", null, T4TriggerSubmitter.sameSmeForAll(SCS_SME)),
                refs, clock);
        assertEquals(expected, get(s.submit(trigger(1, "x"))).status());
        assertEquals(expected == RequestStatus.SUCCESS ? 1 : 0, refs.size(), "a refused trigger gives its T4 reference back");
    }

    /** The SMS-SC's DTA for each verdict of its engine, read back by the MTC-IWF. */
    @ParameterizedTest
    @CsvSource({"TEMPORARYERROR,5531,TEMPORARYERROR", "INVPAYLOAD,5532,PERMANENTERROR", "PERMANENTERROR,5012,PERMANENTERROR",
            "QUOTAEXCEEDED,5531,TEMPORARYERROR", "REPLACEFAIL,5533,REPLACEFAIL"})
    void smsScVerdictsBecomeT4Codes(RequestStatus verdict, long t4Code, RequestStatus atMtcIwf) throws Exception {
        engine.verdict = verdict;
        assertEquals(t4Code, T4Results.toDta(SubmissionResult.refused(verdict, "x")).code());
        assertEquals(atMtcIwf, get(submitter.submit(trigger(7, "x"))).status());
        assertEquals(0, pending.size());
    }

    @Test
    void deliveryReportReachesTheListenerAsTheScsTrigger() throws Exception {
        DeviceTrigger t = trigger(42, "wake-up");
        get(submitter.submit(t));
        TriggerId atSmsSc = engine.submitted.get(0).id();

        assertTrue(get(reporter.onDeliveryReport(atSmsSc, DeliveryOutcome.SUCCESS)));
        Report r = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(new Report(t.id(), DeliveryOutcome.SUCCESS), r);
        assertEquals(0, references.size(), "the reference is released once reported");
        assertEquals(0, pending.size());
        assertFalse(get(reporter.onDeliveryReport(atSmsSc, DeliveryOutcome.SUCCESS)), "a trigger is reported once");
    }

    @ParameterizedTest
    @CsvSource({"ABSENT_SUBSCRIBER,UNDELIVERABLE", "UE_MEMORY_CAPACITY_EXCEEDED,UNDELIVERABLE",
            "SUCCESSFUL_TRANSFER,SUCCESS", "VALIDITY_TIME_EXPIRED,EXPIRED"})
    void smDeliveryOutcomeT4MapsToDeliveryOutcome(SmDeliveryOutcomeT4 t4, DeliveryOutcome expected) throws Exception {
        DeviceTrigger t = trigger(5, "x");
        get(submitter.submit(t));
        long ref = t4Reference(t.id());
        DiameterMessage drr = new DeliveryReportRequest(new UserIdentifier(IMSI, null, null), SCS_SME, t4,
                t4 == SmDeliveryOutcomeT4.ABSENT_SUBSCRIBER ? 1 : -1, ref).encode(SMS_SC + ";drr;" + t4, MTC_IWF, "operator.test");
        DiameterMessage dra = get(smsScNode.sendRequest(drr));
        assertEquals(2001, AnswerResult.of(dra).code());
        assertEquals(new Report(t.id(), expected), reports.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(t4 == SmDeliveryOutcomeT4.ABSENT_SUBSCRIBER ? 1 : 0, drrHandler.absentDiagnosticCount());
    }

    /** TS 29.337 6.2.5 makes Reference-Number optional: a DRR without it is matched by IMSI when one trigger is pending. */
    @Test
    void deliveryReportWithoutReferenceNumberIsMatchedByImsiOrAcknowledged() throws Exception {
        DeviceTrigger t = trigger(6, "x");
        get(submitter.submit(t));
        DiameterMessage drr = new DeliveryReportRequest(new UserIdentifier(IMSI, null, null), SCS_SME,
                SmDeliveryOutcomeT4.SUCCESSFUL_TRANSFER, -1, -1).encode(SMS_SC + ";drr;noref", MTC_IWF, "operator.test");
        assertTrue(drr.avp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).isEmpty());
        assertEquals(2001, AnswerResult.of(get(smsScNode.sendRequest(drr))).code());
        assertEquals(new Report(t.id(), DeliveryOutcome.SUCCESS), reports.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, references.size(), "the matched reference is released");

        // Two pending triggers for the IMSI: no guess, acknowledged and counted, nothing reported.
        get(submitter.submit(trigger(7, "a")));
        get(submitter.submit(trigger(8, "b")));
        DiameterMessage ambiguous = new DeliveryReportRequest(new UserIdentifier(IMSI, null, null), SCS_SME,
                SmDeliveryOutcomeT4.SUCCESSFUL_TRANSFER, -1, -1).encode(SMS_SC + ";drr;noref2", MTC_IWF, "operator.test");
        assertEquals(2001, AnswerResult.of(get(smsScNode.sendRequest(ambiguous))).code());
        assertEquals(1, drrHandler.unmatchedCount());
        assertEquals(2, references.size(), "both triggers still wait for their reports");
        assertTrue(reports.isEmpty());
    }

    @Test
    void replaceAndRecallCarryOldReferenceNumber() throws Exception {
        DeviceTrigger original = trigger(20, "first");
        get(submitter.submit(original));
        long oldRef = t4Reference(original.id());

        DeviceTrigger replacement = trigger(21, "second");
        assertTrue(get(submitter.replace(original, replacement)).isAccepted());
        long newRef = t4Reference(replacement.id());
        DeviceTrigger[] pair = engine.replaced.get(0);
        assertEquals(new TriggerId(MTC_IWF, oldRef), pair[0].id(), "Old-Reference-Number names the original");
        assertEquals(new TriggerId(MTC_IWF, newRef), pair[1].id());
        assertArrayEquals("second".getBytes(StandardCharsets.US_ASCII), pair[1].payload());
        assertTrue(references.referenceOf(original.id()).isEmpty(), "the replaced trigger's reference is released");
        assertTrue(pending.get(new TriggerId(MTC_IWF, newRef)).isPresent());
        assertTrue(pending.get(new TriggerId(MTC_IWF, oldRef)).isEmpty());

        assertTrue(get(submitter.recall(replacement)).isAccepted());
        assertEquals(new TriggerId(MTC_IWF, newRef), engine.recalled.get(0).id());
        assertEquals(0, references.size());
        assertEquals(0, pending.size());

        assertEquals(RequestStatus.RECALLFAIL, get(submitter.recall(replacement)).status(), "nothing left to recall");
        assertEquals(RequestStatus.REPLACEFAIL, get(submitter.replace(original, trigger(22, "x"))).status());
    }

    @Test
    void recallOfATriggerTheSmsScDoesNotHoldIsOriginalMessageNotPending() throws Exception {
        DeviceTrigger t = trigger(30, "x");
        get(submitter.submit(t));
        // The SMS-SC delivered it meanwhile; its report is still on the way.
        pending.remove(engine.submitted.get(0).id());
        assertEquals(RequestStatus.ORIGINALMESSAGESENT, get(submitter.recall(t)).status());
        DiameterMessage raw = dtr(userIdentifier(), T4Avps.smRpSmea(SCS_SME), T4Avps.payload(new byte[] {1}),
                T4Avps.triggerAction(TriggerAction.RECALL),
                T4Avps.oldReferenceNumber(999));
        assertEquals(new AnswerResult(T4ResultCodes.DIAMETER_ERROR_ORIGINAL_MESSAGE_NOT_PENDING, true), AnswerResult.of(send(raw)));
    }

    static Avp userIdentifier() {
        return new UserIdentifier(IMSI, Msisdn.of("491701000001"), null).toAvp();
    }

    DiameterMessage dtr(Avp... avps) {
        return raw(CommandCodes.DEVICE_TRIGGER, SMS_SC, avps);
    }

    static DiameterMessage raw(int command, String destinationHost, Avp... avps) {
        DiameterMessage.Builder b = DiameterMessage.request(command, ApplicationIds.T4, true)
                .avp(BaseAvps.sessionId("raw;" + System.nanoTime()))
                .avp(T4Avps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationHost(destinationHost))
                .avp(BaseAvps.destinationRealm("operator.test"));
        for (Avp a : avps) {
            b.avp(a);
        }
        return b.build();
    }

    DiameterMessage send(DiameterMessage m) throws Exception {
        return get(mtcIwf.sendRequest(m));
    }

    static void assertRefused(long code, int failedAvp, DiameterMessage answer) {
        assertEquals(code, answer.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32(), answer.toString());
        assertEquals(failedAvp, answer.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());
    }

    @Test
    void malformedDtrsGetRfc6733Answers() throws Exception {
        Avp smea = T4Avps.smRpSmea(SCS_SME);
        Avp payload = T4Avps.payload(new byte[] {1});
        Avp ref = T4Avps.referenceNumber(1);
        assertRefused(5005, AvpCodes.SM_RP_SMEA, send(dtr(userIdentifier(), payload, ref)));
        assertRefused(5005, AvpCodes.USER_IDENTIFIER, send(dtr(new UserIdentifier(null, Msisdn.of("491701000001"), null).toAvp(),
                smea, payload, ref)));
        assertRefused(5004, AvpCodes.TRIGGER_ACTION, send(dtr(userIdentifier(), smea, payload, ref,
                TgppAvps.tgppOptional(AvpCodes.TRIGGER_ACTION).unsigned32(7))));
        assertRefused(5005, AvpCodes.OLD_REFERENCE_NUMBER, send(dtr(userIdentifier(), smea, payload,
                T4Avps.triggerAction(TriggerAction.RECALL))));
        assertRefused(5005, AvpCodes.PAYLOAD, send(dtr(userIdentifier(), smea, T4Avps.triggerAction(TriggerAction.RECALL),
                T4Avps.oldReferenceNumber(1))));
        assertRefused(5004, AvpCodes.SM_RP_SMEA, send(dtr(userIdentifier(), TgppAvps.tgpp(AvpCodes.SM_RP_SMEA)
                .octets(new byte[] {9, (byte) 0x91, 0x12}), payload, ref)));
        assertRefused(5004, AvpCodes.APPLICATION_PORT_IDENTIFIER, send(dtr(userIdentifier(), smea, payload, ref,
                T4Avps.applicationPortIdentifier(70000))));
        assertRefused(5005, AvpCodes.PAYLOAD, send(dtr(userIdentifier(), smea, ref)));
        // What no concatenated SM (255 segments) can carry is refused up front.
        assertRefused(5004, AvpCodes.PAYLOAD, send(dtr(userIdentifier(), smea,
                T4Avps.payload(new byte[org.mtcgate.filter.trigger.SmCapacity.MAX_PAYLOAD + 1]), ref,
                T4Avps.applicationPortIdentifier(9200))));
        assertRefused(5005, AvpCodes.REFERENCE_NUMBER, send(dtr(userIdentifier(), smea, payload)));
        assertEquals(0, engine.submitted.size());
        // Still serving afterwards.
        assertEquals(2001, AnswerResult.of(send(dtr(userIdentifier(), smea, payload, ref))).code());
    }

    @Test
    void malformedOrUnknownDrrsGetRfc6733Answers() throws Exception {
        DeviceTrigger t = trigger(40, "x");
        get(submitter.submit(t));
        long known = t4Reference(t.id());
        Avp smea = T4Avps.smRpSmea(SCS_SME);
        Avp outcome = T4Avps.smDeliveryOutcomeT4(SmDeliveryOutcomeT4.SUCCESSFUL_TRANSFER);
        Avp ui = new UserIdentifier(IMSI, null, null).toAvp();

        // (a DRR without Reference-Number is matched by IMSI: deliveryReportWithoutReferenceNumberIsMatchedByImsiOrAcknowledged)
        assertRefused(5004, AvpCodes.REFERENCE_NUMBER, drr(ui, smea, outcome, T4Avps.referenceNumber(known + 1)));
        assertRefused(5004, AvpCodes.USER_IDENTIFIER, drr(new UserIdentifier(Imsi.of("262015500000999"), null, null).toAvp(),
                smea, outcome, T4Avps.referenceNumber(known)));
        assertRefused(5005, AvpCodes.USER_IDENTIFIER, drr(new UserIdentifier(null, Msisdn.of("491701000001"), null).toAvp(),
                smea, outcome, T4Avps.referenceNumber(known)));
        assertRefused(5005, AvpCodes.SM_RP_SMEA, drr(ui, outcome, T4Avps.referenceNumber(known)));
        assertRefused(5004, AvpCodes.SM_DELIVERY_OUTCOME_T4, drr(ui, smea, TgppAvps.tgpp(AvpCodes.SM_DELIVERY_OUTCOME_T4).unsigned32(9),
                T4Avps.referenceNumber(known)));
        DiameterMessage fromElsewhere = raw(CommandCodes.DELIVERY_REPORT, MTC_IWF, ui, smea, outcome, T4Avps.referenceNumber(known))
                .toBuilder().avp(BaseAvps.originHost("smsc-other.operator.test")).avp(BaseAvps.originRealm("operator.test")).build();
        // Another Origin-Host than the connection authenticated: refused before the application (RequestBinding).
        assertRefused(3010, AvpCodes.ORIGIN_HOST, get(smsScNode.sendRequest(fromElsewhere)));
        assertTrue(reports.isEmpty(), "no refused DRR reached the listener");
        assertEquals(1, references.size(), "the trigger still waits for its report");

        DiameterMessage dtrToMtcIwf = raw(CommandCodes.DEVICE_TRIGGER, MTC_IWF, ui, smea, T4Avps.payload(new byte[] {1}));
        DiameterMessage a = get(smsScNode.sendRequest(dtrToMtcIwf));
        assertEquals(3001, AnswerResult.of(a).code(), "the MTC-IWF takes no DTRs");
        assertTrue(a.isError());
    }

    @Test
    void aFailingListenerGets5012AndTheReportCanBeRetried() throws Exception {
        DeviceTrigger t = trigger(50, "x");
        get(submitter.submit(t));
        long ref = t4Reference(t.id());
        T4DeliveryReportApplication failing = new T4DeliveryReportApplication(references,
                (id, outcome) -> CompletableFuture.failedFuture(new IllegalStateException("store down")));
        DiameterMessage drr = new DeliveryReportRequest(new UserIdentifier(IMSI, null, null), SCS_SME,
                SmDeliveryOutcomeT4.SUCCESSFUL_TRANSFER, -1, ref).encode("s;1", MTC_IWF, "operator.test").toBuilder()
                .avp(BaseAvps.originHost(SMS_SC)).avp(BaseAvps.originRealm("operator.test")).build();
        DiameterMessage dra = get(failing.handle(drr, new org.mtcgate.diameter.peer.RequestContext(SMS_SC, "operator.test",
                LoopbackNodes.identity(MTC_IWF))));
        assertEquals(5012, AnswerResult.of(dra).code());
        assertTrue(references.byReference(ref).isPresent(), "kept for a retry");
    }

    @Test
    void aDrrThatGetsNoAnswerLeavesTheTriggerPendingAtTheSmsSc() throws Exception {
        get(submitter.submit(trigger(60, "x")));
        TriggerId atSmsSc = engine.submitted.get(0).id();
        mtcIwf.close();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> get(reporter.onDeliveryReport(atSmsSc, DeliveryOutcome.SUCCESS)));
        assertNotNull(e.getCause());
        assertTrue(pending.get(atSmsSc).isPresent(), "the engine may report it again");
        assertEquals(1, reporter.failedCount());
    }

    DiameterMessage drr(Avp... avps) throws Exception {
        return get(smsScNode.sendRequest(raw(CommandCodes.DELIVERY_REPORT, MTC_IWF, avps)));
    }

    @Test
    void smeAddressIsATs23040AddressField() {
        assertArrayEquals(new byte[] {12, (byte) 0x91, (byte) 0x94, 0x71, 0x02, 0x00, (byte) 0x90, (byte) 0x99},
                SmeAddress.international("+491720000999").encoded());
        assertArrayEquals(new byte[] {5, (byte) 0x81, 0x21, 0x43, (byte) 0xF5}, SmeAddress.shortCode("12345").encoded());
        assertEquals("12345", SmeAddress.decode(SmeAddress.shortCode("12345").encoded()).digits());
        assertThrows(IllegalArgumentException.class, () -> SmeAddress.decode(new byte[] {4, 0x11, 0x21, 0x43}));
        assertThrows(IllegalArgumentException.class, () -> SmeAddress.decode(new byte[] {2, (byte) 0x91, (byte) 0xA1}));
        assertNotNull(SmeAddress.decode(new byte[] {4, (byte) 0xD0, 0x41, 0x21}), "alphanumeric addresses are carried");
    }

    @Test
    void referenceTableIsBoundedByLiveTriggers() {
        T4References refs = new T4References(2, Duration.ZERO, clock);
        assertTrue(refs.allocate(trigger(1, "a")).isPresent());
        assertTrue(refs.allocate(trigger(2, "b")).isPresent());
        assertTrue(refs.allocate(trigger(3, "c")).isEmpty(), "full of live triggers");
        assertEquals(refs.allocate(trigger(1, "a")), refs.referenceOf(new TriggerId(SCS, 1)), "same trigger, same reference");
    }
}

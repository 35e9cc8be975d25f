package org.mtcgate.filter.trigger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MTC-IWF procedure of TS 23.682 5.2.1/5.2.2 over in-memory ports. */
class DeviceTriggeringTest {
    static final String SCS = "scs1.utility.example.com";
    static final String POLICY = """
            version: 1
            groups:
              meters: {external-id-domains: [meters.example.com], msisdn-prefixes: ["4917010"]}
            senders:
              - {id: scs-utility, ingress: [tsp], identities: [scs1.utility.example.com], grants: [{kinds: [trigger], to: [meters]}]}
              - {id: scs-other, ingress: [tsp], identities: [scs2.other.example.com], grants: [{kinds: [trigger], to: all}]}
            """;
    static final Imsi IMSI = Imsi.of("262015500000001");

    /** The in-memory store, made to fail every put on demand, as a full disk would. */
    static final class MemoryStore implements TriggerStore {
        final MemoryTriggerStore inner = new MemoryTriggerStore();
        volatile boolean failing;

        @Override
        public CompletionStage<Void> put(DeviceTrigger trigger) {
            return failing ? CompletableFuture.failedFuture(new java.io.IOException("disk full")) : inner.put(trigger);
        }

        @Override
        public Optional<DeviceTrigger> find(TriggerId id) {
            return inner.find(id);
        }

        @Override
        public List<DeviceTrigger> unfinished() {
            return inner.unfinished();
        }
    }

    /** An SMS-SC that records what it is given and answers as told. */
    static final class RecordingSmsc implements TriggerSubmitter {
        final List<DeviceTrigger> submitted = Collections.synchronizedList(new ArrayList<>());
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile SubmissionResult answer = SubmissionResult.accepted();
        /** When set, replace answers this instead of {@link #answer}. */
        volatile SubmissionResult replaceAnswer;

        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            calls.add("submit " + trigger.id());
            submitted.add(trigger);
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
            calls.add("recall " + pending.id());
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            calls.add("replace " + original.id() + " by " + replacement.id());
            SubmissionResult r = replaceAnswer != null ? replaceAnswer : answer;
            if (r.isAccepted()) {
                submitted.add(replacement);
            }
            return CompletableFuture.completedFuture(r);
        }
    }

    MemoryStore store;
    RecordingSmsc smsc;
    List<DeviceNotification> notified;
    Clock clock;
    DeviceTriggering mtcIwf;

    @BeforeEach
    void setUp() throws Exception {
        ManualTime time = new ManualTime();
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("p.yaml", POLICY, ListSource.NONE), time);
        SubscriberTable hss = new SubscriberTable(List.of(
                new Subscriber(IMSI, Msisdn.of("491701000001"), List.of(ExternalId.of("meter-1@meters.example.com")),
                        Set.of(SCS), List.of("491720000200")),
                new Subscriber(Imsi.of("262015500000002"), Msisdn.of("491701000002"), List.of(), Set.of("scs2.other.example.com"),
                        List.of())));
        store = new MemoryStore();
        smsc = new RecordingSmsc();
        notified = Collections.synchronizedList(new ArrayList<>());
        clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        mtcIwf = new DeviceTriggering(filter, hss, store, smsc, notified::add, TriggerObserver.NONE, TriggerLimits.DEFAULT, clock);
    }

    static DeviceActionRequest trigger(long ref, String extId, String payload) {
        return new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null, UeName.of(ExternalId.of(extId)),
                payload.getBytes(StandardCharsets.US_ASCII), 9200, false, Duration.ofMinutes(10));
    }

    static DeviceActionRequest action(ActionType type, long ref, long oldRef, String payload) {
        return new DeviceActionRequest(SCS, null, type, ref, oldRef, UeName.of(ExternalId.of("meter-1@meters.example.com")),
                payload.getBytes(StandardCharsets.US_ASCII), 9200, false, null);
    }

    DeviceActionResult run(DeviceActionRequest r) throws Exception {
        return mtcIwf.handle(r).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void authorisedTriggerIsKeptSubmittedAndReported() throws Exception {
        DeviceActionResult r = run(trigger(1, "meter-1@meters.example.com", "wake"));
        assertEquals(RequestStatus.SUCCESS, r.requestStatus(), r.reason());
        DeviceTrigger sent = smsc.submitted.get(0);
        assertEquals(IMSI, sent.subscriber().imsi());
        assertArrayEquals("wake".getBytes(StandardCharsets.US_ASCII), sent.payload());
        assertEquals(9200, sent.applicationPort());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), sent.expiresAt());
        TriggerId id = new TriggerId(SCS, 1);
        assertEquals(TriggerState.SUBMITTED, store.find(id).orElseThrow().state());

        assertTrue(mtcIwf.onDeliveryReport(id, DeliveryOutcome.SUCCESS).toCompletableFuture().get());
        assertEquals(TriggerState.DELIVERED, store.find(id).orElseThrow().state());
        assertEquals(List.of(new DeviceNotification(id, UeName.of(ExternalId.of("meter-1@meters.example.com")),
                ActionType.DELIVERY_REPORT, DeliveryOutcome.SUCCESS)), notified);
        assertFalse(mtcIwf.onDeliveryReport(id, DeliveryOutcome.SUCCESS).toCompletableFuture().get(), "a second report is ignored");
        assertEquals(1, notified.size());
    }

    @Test
    void untrustedScsIsRefusedBeforeAnythingElse() throws Exception {
        DeviceActionRequest r = new DeviceActionRequest("scs.rogue.example.org", null, ActionType.DEVICE_TRIGGER_REQUEST, 1, null,
                UeName.of(ExternalId.of("meter-1@meters.example.com")), new byte[] {1}, -1, false, null);
        DeviceActionResult result = run(r);
        assertEquals(RequestStatus.NOTAUTHORIZED, result.requestStatus());
        assertEquals("default-deny-trigger", result.verdict().ruleId());
        assertEquals(0, store.inner.size());
        assertTrue(smsc.calls.isEmpty());
    }

    @Test
    void hssRefusalsMapToRequestStatus() throws Exception {
        // scs2 passes the filter (granted every UE) but the subscription allows only scs1.
        DeviceActionRequest other = new DeviceActionRequest("scs2.other.example.com", null, ActionType.DEVICE_TRIGGER_REQUEST, 5,
                null, UeName.of(Msisdn.of("491701000001")), new byte[] {1}, -1, false, null);
        assertEquals(RequestStatus.NOTAUTHORIZED, run(other).requestStatus());
        assertEquals(RequestStatus.INVEXTID, run(trigger(2, "meter-404@meters.example.com", "x")).requestStatus());
        assertTrue(smsc.calls.isEmpty());
    }

    @Test
    void requestChecks() throws Exception {
        DeviceActionRequest claimed = new DeviceActionRequest(SCS, "scs2.other.example.com", ActionType.DEVICE_TRIGGER_REQUEST, 1,
                null, UeName.of(Msisdn.of("491701000001")), new byte[] {1}, -1, false, null);
        assertEquals(RequestStatus.INVSCSID, run(claimed).requestStatus());
        assertEquals(RequestStatus.INVPAYLOAD, run(trigger(1, "meter-1@meters.example.com", "")).requestStatus());
        assertEquals(RequestStatus.INVPAYLOAD, run(trigger(1, "meter-1@meters.example.com", "x".repeat(SmCapacity.DEFAULT_MAX_PAYLOAD + 1))).requestStatus());
        DeviceActionRequest longLived = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, 1, null,
                UeName.of(Msisdn.of("491701000001")), new byte[] {1}, -1, false, Duration.ofDays(8));
        assertEquals(RequestStatus.INVPERIOD, run(longLived).requestStatus());
        assertTrue(smsc.calls.isEmpty());
    }

    @Test
    void resentRequestIsAnsweredAgainWithoutASecondSm() throws Exception {
        assertEquals(RequestStatus.SUCCESS, run(trigger(7, "meter-1@meters.example.com", "wake")).requestStatus());
        assertEquals(RequestStatus.SUCCESS, run(trigger(7, "meter-1@meters.example.com", "wake")).requestStatus());
        assertEquals(1, smsc.submitted.size());
        assertEquals(RequestStatus.PERMANENTERROR, run(trigger(7, "meter-1@meters.example.com", "other")).requestStatus());
    }

    @Test
    void smscRefusalIsPassedOn() throws Exception {
        smsc.answer = SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "SC congestion");
        DeviceActionResult r = run(trigger(3, "meter-1@meters.example.com", "wake"));
        assertEquals(RequestStatus.TEMPORARYERROR, r.requestStatus());
        assertEquals(TriggerState.UNDELIVERABLE, store.find(new TriggerId(SCS, 3)).orElseThrow().state());
    }

    @Test
    void recall() throws Exception {
        assertEquals(RequestStatus.RECALLFAIL, run(action(ActionType.DEVICE_TRIGGER_RECALL, 11, 10, "")).requestStatus());
        run(trigger(10, "meter-1@meters.example.com", "wake"));
        assertEquals(RequestStatus.SUCCESS, run(action(ActionType.DEVICE_TRIGGER_RECALL, 11, 10, "")).requestStatus());
        assertEquals(TriggerState.RECALLED, store.find(new TriggerId(SCS, 10)).orElseThrow().state());
        assertEquals(List.of("submit " + SCS + "#10", "recall " + SCS + "#10"), smsc.calls);

        run(trigger(20, "meter-1@meters.example.com", "wake"));
        mtcIwf.onDeliveryReport(new TriggerId(SCS, 20), DeliveryOutcome.SUCCESS).toCompletableFuture().get();
        assertEquals(RequestStatus.ORIGINALMESSAGESENT, run(action(ActionType.DEVICE_TRIGGER_RECALL, 21, 20, "")).requestStatus());
    }

    @Test
    void replace() throws Exception {
        assertEquals(RequestStatus.REPLACEFAIL, run(action(ActionType.DEVICE_TRIGGER_REPLACE, 31, 30, "new")).requestStatus());
        run(trigger(30, "meter-1@meters.example.com", "old"));
        assertEquals(RequestStatus.SUCCESS, run(action(ActionType.DEVICE_TRIGGER_REPLACE, 31, 30, "new")).requestStatus());
        assertEquals(TriggerState.REPLACED, store.find(new TriggerId(SCS, 30)).orElseThrow().state());
        assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId(SCS, 31)).orElseThrow().state());
        assertEquals("replace " + SCS + "#30 by " + SCS + "#31", smsc.calls.get(1));

        run(trigger(40, "meter-1@meters.example.com", "old"));
        mtcIwf.onDeliveryReport(new TriggerId(SCS, 40), DeliveryOutcome.SUCCESS).toCompletableFuture().get();
        DeviceActionResult late = run(action(ActionType.DEVICE_TRIGGER_REPLACE, 41, 40, "new"));
        assertEquals(RequestStatus.ORIGINALMESSAGESENT, late.requestStatus());
        assertEquals("submit " + SCS + "#41", smsc.calls.get(smsc.calls.size() - 1), "the new trigger is sent on its own");
    }

    /** T4 5535 on a replace: the original left the SMS-SC meanwhile, so the new trigger goes out as a new one. */
    @Test
    void replaceOfAnOriginalNoLongerPendingAtTheSmsScSendsTheNewTriggerOnItsOwn() throws Exception {
        run(trigger(50, "meter-1@meters.example.com", "old"));
        smsc.replaceAnswer = new SubmissionResult(RequestStatus.ORIGINALMESSAGESENT, "SMS-SC answered 5535", 1);
        DeviceActionResult r = run(action(ActionType.DEVICE_TRIGGER_REPLACE, 51, 50, "new"));
        assertEquals(RequestStatus.ORIGINALMESSAGESENT, r.requestStatus(), r.reason());
        assertEquals(Integer.valueOf(1), r.mtcErrorDiagnostic(), "MTC-Error-Diagnostic reaches the SCS");
        assertEquals(List.of("submit " + SCS + "#50", "replace " + SCS + "#50 by " + SCS + "#51", "submit " + SCS + "#51"),
                smsc.calls);
        assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId(SCS, 51)).orElseThrow().state());
        assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId(SCS, 50)).orElseThrow().state(),
                "the original's own report is still to come");
    }

    @Test
    void validityTimeZeroPayloadBoundsAndConfiguredScsIdentities() throws Exception {
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        TriggerObserver observer = new TriggerObserver() {
            @Override
            public void verdict(org.mtcgate.filter.InboundItem item, org.mtcgate.filter.Verdict verdict) {
            }

            @Override
            public void stateChanged(DeviceTrigger before, DeviceTrigger after) {
            }

            @Override
            public void refused(DeviceActionRequest request, DeviceActionResult result) {
                refused.add(request.referenceNumber() + " " + result.requestStatus());
            }
        };
        ManualTime time = new ManualTime();
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("p.yaml", POLICY, ListSource.NONE), time);
        SubscriberTable hss = new SubscriberTable(List.of(new Subscriber(IMSI, Msisdn.of("491701000001"),
                List.of(ExternalId.of("meter-1@meters.example.com")), Set.of(SCS), List.of("491720000200"))));
        mtcIwf = new DeviceTriggering(filter, hss, store, smsc, notified::add, observer, TriggerLimits.DEFAULT, clock,
                new ScsIdentities(java.util.Map.of(SCS, Set.of("491710000001"))));
        UeName ue = UeName.of(ExternalId.of("meter-1@meters.example.com"));

        DeviceActionRequest now = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, 60, null, ue,
                new byte[] {1}, 9200, false, Duration.ZERO);
        assertEquals(RequestStatus.INVPERIOD, run(now).requestStatus(), "Validity-Time 0 is refused up front");
        DeviceActionRequest big = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, 61, null, ue,
                new byte[SmCapacity.DEFAULT_MAX_PAYLOAD + 1], 9200, false, null);
        assertEquals(RequestStatus.INVPAYLOAD, run(big).requestStatus());
        DeviceActionRequest fits = new DeviceActionRequest(SCS, "491710000001", ActionType.DEVICE_TRIGGER_REQUEST, 62, null,
                ue, new byte[SmCapacity.DEFAULT_MAX_PAYLOAD], 9200, false, null);
        assertEquals(RequestStatus.SUCCESS, run(fits).requestStatus(), "1,016 octets (eight segments) and a configured SCS-Identity");
        DeviceActionRequest other = new DeviceActionRequest(SCS, "491710000002", ActionType.DEVICE_TRIGGER_REQUEST, 63, null,
                ue, new byte[] {1}, 9200, false, null);
        assertEquals(RequestStatus.INVSCSID, run(other).requestStatus());
        assertEquals(List.of("60 INVPERIOD", "61 INVPAYLOAD", "63 INVSCSID"), refused, "every refusal reaches the observer");
        assertTrue(store.find(new TriggerId(SCS, 60)).isEmpty());
        assertTrue(store.find(new TriggerId(SCS, 61)).isEmpty());
        assertTrue(store.find(new TriggerId(SCS, 63)).isEmpty());
        assertEquals(1, smsc.submitted.size());
    }

    /** No report long after the validity ended: the SCS hears UNCONFIRMED, once; reported triggers are left alone. */
    @Test
    void submittedTriggersNeverReportedBecomeUnconfirmed() throws Exception {
        run(trigger(70, "meter-1@meters.example.com", "a"));
        run(trigger(71, "meter-1@meters.example.com", "b"));
        mtcIwf.onDeliveryReport(new TriggerId(SCS, 71), DeliveryOutcome.SUCCESS).toCompletableFuture().get();
        notified.clear();
        assertEquals(0, mtcIwf.reportUnconfirmed(Duration.ofMinutes(5)).toCompletableFuture().get(),
                "within validity: nothing to report");
        // 10 min validity + 5 min grace later, seen through a later clock
        Clock later = Clock.offset(clock, Duration.ofMinutes(16));
        ManualTime time = new ManualTime();
        DeviceTriggering afterwards = new DeviceTriggering(new FilterEngine(new PolicyLoader(new LimiterRegistry(), time)
                .load("p.yaml", POLICY, ListSource.NONE), time), new SubscriberTable(List.of()), store, smsc, notified::add,
                TriggerObserver.NONE, TriggerLimits.DEFAULT, later);
        assertEquals(1, afterwards.reportUnconfirmed(Duration.ofMinutes(5)).toCompletableFuture().get());
        assertEquals(1, notified.size());
        assertEquals(DeliveryOutcome.UNCONFIRMED, notified.get(0).outcome());
        assertEquals(new TriggerId(SCS, 70), notified.get(0).trigger());
        assertEquals(0, afterwards.reportUnconfirmed(Duration.ofMinutes(5)).toCompletableFuture().get(), "reported once");
    }

    @Test
    void aFailingStoreGivesATemporaryErrorAndNothingIsSent() throws Exception {
        store.failing = true;
        DeviceActionResult r = run(trigger(50, "meter-1@meters.example.com", "wake"));
        assertEquals(RequestStatus.TEMPORARYERROR, r.requestStatus());
        assertTrue(r.reason().contains("disk full"), r.reason());
        assertTrue(smsc.calls.isEmpty(), "nothing is submitted that is not durable");
    }

    @Test
    void resumeAfterRestartSubmitsAcceptedTriggersAndExpiresStaleOnes() throws Exception {
        SubscriberInfo info = new SubscriberInfo(IMSI, null, List.of());
        UeName ue = UeName.of(Msisdn.of("491701000001"));
        Instant now = clock.instant();
        store.put(new DeviceTrigger(new TriggerId(SCS, 60), ue, info, new byte[] {1}, -1, false, now.minusSeconds(60),
                now.plusSeconds(60), TriggerState.ACCEPTED, null));
        store.put(new DeviceTrigger(new TriggerId(SCS, 61), ue, info, new byte[] {1}, -1, false, now.minusSeconds(120),
                now.minusSeconds(1), TriggerState.ACCEPTED, null));
        store.put(new DeviceTrigger(new TriggerId(SCS, 62), ue, info, new byte[] {1}, -1, false, now.minusSeconds(60),
                now.plusSeconds(60), TriggerState.SUBMITTED, null));
        assertEquals(1, mtcIwf.resumeAfterRestart().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(List.of("submit " + SCS + "#60"), smsc.calls);
        assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId(SCS, 60)).orElseThrow().state());
        assertEquals(TriggerState.EXPIRED, store.find(new TriggerId(SCS, 61)).orElseThrow().state());
        assertEquals(DeliveryOutcome.EXPIRED, notified.get(0).outcome());
        assertNull(store.find(new TriggerId(SCS, 62)).orElseThrow().outcome());
    }

    @Test
    void theObserverHearsEachVerdictOnceWithTheAnswerTheScsGot() throws Exception {
        List<String> decided = Collections.synchronizedList(new ArrayList<>());
        TriggerObserver observer = new TriggerObserver() {
            @Override
            public void verdict(org.mtcgate.filter.InboundItem item, org.mtcgate.filter.Verdict verdict) {
                decided.add("bare " + verdict.decision());
            }

            @Override
            public void stateChanged(DeviceTrigger before, DeviceTrigger after) {
            }

            @Override
            public void decided(org.mtcgate.filter.InboundItem item, org.mtcgate.filter.Verdict verdict, TriggerId trigger,
                                DeviceActionResult result) {
                decided.add(trigger.referenceNumber() + " " + verdict.decision() + " " + result.requestStatus()
                        + " " + result.triggerTaken());
            }
        };
        ManualTime time = new ManualTime();
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("p.yaml", POLICY, ListSource.NONE), time);
        SubscriberTable hss = new SubscriberTable(List.of(new Subscriber(IMSI, Msisdn.of("491701000001"),
                List.of(ExternalId.of("meter-1@meters.example.com")), Set.of(SCS), List.of("491720000200"))));
        mtcIwf = new DeviceTriggering(filter, hss, store, smsc, notified::add, observer, TriggerLimits.DEFAULT, clock);

        run(trigger(70, "meter-1@meters.example.com", "x"));
        run(trigger(71, "meter-404@meters.example.com", "x"));
        smsc.answer = SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "store full");
        run(trigger(72, "meter-1@meters.example.com", "x"));
        run(new DeviceActionRequest("scs.rogue.example.org", null, ActionType.DEVICE_TRIGGER_REQUEST, 73, null,
                UeName.of(ExternalId.of("meter-1@meters.example.com")), new byte[] {1}, -1, false, null));
        assertEquals(List.of("70 ALLOW SUCCESS true", "71 ALLOW INVEXTID false", "72 ALLOW TEMPORARYERROR false",
                "73 BLOCK NOTAUTHORIZED false"), decided, "one report per request, after its answer, never the bare verdict");
    }
}

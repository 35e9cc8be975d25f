package org.mtcgate.filter.smsc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SmsScSubmitter;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreAndForwardTest {
    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    static final long WAIT = 10;

    /**
     * The network as the SMS-SC sees it: UEs (by IMSI) are reachable, absent, or unknown; every attempt is counted
     * and each absent attempt is signalled so tests can wait for retries without sleeping.
     */
    static final class Network implements MtDelivery {
        final Set<String> reachable = ConcurrentHashMap.newKeySet();
        final Set<String> unknown = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final LinkedBlockingQueue<String> absentAttempts = new LinkedBlockingQueue<>();
        /** UEs whose serving node answers only when the test says so; their attempts queue up in {@link #held}. */
        final Set<String> slow = ConcurrentHashMap.newKeySet();
        final LinkedBlockingQueue<Map.Entry<String, CompletableFuture<DeliveryAttempt>>> held = new LinkedBlockingQueue<>();

        @Override
        public CompletionStage<DeliveryAttempt> deliver(HeldSm t) {
            String imsi = t.recipient().imsi().digits();
            if (slow.contains(imsi)) {
                CompletableFuture<DeliveryAttempt> answer = new CompletableFuture<>();
                held.add(Map.entry(t.id().toString(), answer));
                return answer;
            }
            if (unknown.contains(imsi)) {
                return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.PERMANENT, "unknownSubscriber"));
            }
            if (!reachable.contains(imsi)) {
                absentAttempts.add(t.id().toString());
                return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.ABSENT, "absentSubscriberSM"));
            }
            deliveries.computeIfAbsent(t.id().toString(), k -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(DeliveryAttempt.delivered());
        }
    }

    final MutableClock clock = new MutableClock(T0);
    final MemoryHeldSmStore store = new MemoryHeldSmStore();
    final Network network = new Network();
    final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();
    final RetryPolicy fast = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40));
    StoreAndForward smsc = newSmsc();

    StoreAndForward newSmsc() {
        return newSmsc(StoreAndForward.DEFAULT_MAX_IN_FLIGHT);
    }

    StoreAndForward newSmsc(int maxInFlight) {
        StoreAndForward s = new StoreAndForward(store, network, fast, clock, maxInFlight);
        s.reportTo(SmsScSubmitter.reportingTo((id, outcome) -> {
            reports.add(id + " " + outcome);
            return CompletableFuture.completedFuture(true);
        }));
        return s;
    }

    /** Submissions go through the MTC-IWF's boundary, as the node makes them. */
    SmsScSubmitter sc() {
        return new SmsScSubmitter(smsc);
    }

    @AfterEach
    void close() {
        smsc.close();
    }

    static DeviceTrigger trigger(long ref, String imsi) {
        return new DeviceTrigger(new TriggerId("scs1", ref), UeName.of(Msisdn.of("491701000001")),
                new SubscriberInfo(Imsi.of(imsi), null, List.of("491720000200")), new byte[] {1, 2}, 9200, false, T0,
                T0.plusSeconds(60), TriggerState.ACCEPTED, null);
    }

    String report() throws InterruptedException {
        return reports.poll(WAIT, TimeUnit.SECONDS);
    }

    void waitForAbsentAttempts(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            assertTrue(network.absentAttempts.poll(WAIT, TimeUnit.SECONDS) != null, "absent attempt " + (i + 1));
        }
    }

    @Test
    void reachableUeGetsItAtOnce() throws Exception {
        network.reachable.add("262015500000001");
        assertTrue(sc().submit(trigger(1, "262015500000001")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted());
        assertEquals("scs1#1 SUCCESS", report());
        assertEquals(HeldSmState.DELIVERED, store.find(new SmId("scs1", 1)).orElseThrow().state());
        assertEquals(1, network.deliveries.get("scs1#1").get());
    }

    @Test
    void absentUeIsRetriedAndGetsItExactlyOnceWhenBack() throws Exception {
        sc().submit(trigger(2, "262015500000002")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(3);
        network.reachable.add("262015500000002");
        assertEquals("scs1#2 SUCCESS", report());
        assertEquals(1, network.deliveries.get("scs1#2").get());
        assertEquals(0, smsc.pendingCount().toCompletableFuture().get());
        assertNull(reports.poll(100, TimeUnit.MILLISECONDS), "one report only");
    }

    /** What the console shows of a held SM: failed attempts, the last error and when the next attempt is due. */
    @Test
    void aHeldSmShowsItsAttemptsLastErrorAndNextRetry() throws Exception {
        smsc.close();
        smsc = new StoreAndForward(store, network, new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1)), clock);
        sc().submit(trigger(5, "262015500000005")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(1);
        StoreAndForward.PendingSm held;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        do {
            held = smsc.pendingSms().toCompletableFuture().get(WAIT, TimeUnit.SECONDS).get(0);
        } while (held.failedAttempts() == 0 && System.nanoTime() < deadline);
        assertEquals(1, held.failedAttempts());
        assertEquals("ABSENT: absentSubscriberSM", held.lastError());
        assertEquals(T0.plusSeconds(60), held.nextAttempt(), "the retry after an hour is cut to the validity's end");
        assertEquals(new SmId("scs1", 5), held.sm().id());
    }

    @Test
    void absentUntilValidityEndsExpires() throws Exception {
        sc().submit(trigger(3, "262015500000003")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(2);
        clock.set(T0.plusSeconds(61));
        assertEquals("scs1#3 EXPIRED", report());
        assertEquals(HeldSmState.EXPIRED, store.find(new SmId("scs1", 3)).orElseThrow().state());
        network.absentAttempts.clear();
        network.reachable.add("262015500000003");
        assertNull(reports.poll(100, TimeUnit.MILLISECONDS));
        assertEquals(null, network.deliveries.get("scs1#3"), "never delivered after expiry");
    }

    @Test
    void validityEndingAfterAPassingFailureIsATemporaryErrorNotAnExpiry() throws Exception {
        network.slow.add("262015500000009");
        sc().submit(trigger(9, "262015500000009")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        var attempt = network.held.poll(WAIT, TimeUnit.SECONDS);
        clock.set(T0.plusSeconds(61)); // validity ends while the attempt is out
        attempt.getValue().complete(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, "memoryCapacityExceeded"));
        assertEquals("scs1#9 TEMPORARYERROR", report());
        assertEquals(HeldSmState.EXPIRED, store.find(new SmId("scs1", 9)).orElseThrow().state());
    }

    @Test
    void unknownSubscriberIsUndeliverable() throws Exception {
        network.unknown.add("262015500000004");
        sc().submit(trigger(4, "262015500000004"));
        assertEquals("scs1#4 UNDELIVERABLE", report());
    }

    @Test
    void recallWhilePendingStopsDelivery() throws Exception {
        DeviceTrigger t = trigger(5, "262015500000005");
        sc().submit(t).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(1);
        assertTrue(sc().recall(t).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted());
        assertEquals(HeldSmState.RECALLED, store.find(SmsScSubmitter.smId(t.id())).orElseThrow().state());
        network.reachable.add("262015500000005");
        assertNull(reports.poll(150, TimeUnit.MILLISECONDS), "a recalled SM is neither delivered nor reported");
        assertEquals(RequestStatus.RECALLFAIL, sc().recall(t).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).status());
    }

    @Test
    void recallAfterDeliveryIsRefusedAsSent() throws Exception {
        network.reachable.add("262015500000006");
        DeviceTrigger t = trigger(6, "262015500000006");
        sc().submit(t);
        assertEquals("scs1#6 SUCCESS", report());
        assertEquals(RequestStatus.ORIGINALMESSAGESENT, sc().recall(t).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).status());
    }

    @Test
    void replaceWhilePendingSendsOnlyTheReplacement() throws Exception {
        DeviceTrigger original = trigger(7, "262015500000007");
        sc().submit(original).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(1);
        DeviceTrigger replacement = trigger(8, "262015500000007");
        assertTrue(sc().replace(original, replacement).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted());
        network.reachable.add("262015500000007");
        assertEquals("scs1#8 SUCCESS", report());
        assertEquals(HeldSmState.REPLACED, store.find(SmsScSubmitter.smId(original.id())).orElseThrow().state());
        assertEquals(null, network.deliveries.get("scs1#7"));
    }

    @Test
    void aRestartedSmscDeliversWhatTheOldOneHeldExactlyOnce() throws Exception {
        sc().submit(trigger(9, "262015500000009")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(1);
        smsc.close();
        smsc = newSmsc();
        network.reachable.add("262015500000009");
        assertEquals(1, smsc.resume().toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals("scs1#9 SUCCESS", report());
        assertEquals(1, network.deliveries.get("scs1#9").get());
    }

    @Test
    void aResubmittedTriggerIsTakenOnceAndAnotherWithTheSameNameIsRefused() throws Exception {
        sc().submit(trigger(10, "262015500000010")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(1);
        assertTrue(sc().submit(trigger(10, "262015500000010")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted(),
                "the same trigger again (an MTC-IWF resubmitting after a restart) is already taken");
        assertEquals(1, smsc.pendingCount().toCompletableFuture().get());
        DeviceTrigger other = new DeviceTrigger(new TriggerId("scs1", 10), UeName.of(Msisdn.of("491701000001")),
                new SubscriberInfo(Imsi.of("262015500000010"), null, List.of()), new byte[] {9}, 9200, false, T0,
                T0.plusSeconds(60), TriggerState.ACCEPTED, null);
        assertEquals(RequestStatus.PERMANENTERROR, sc().submit(other).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).status());
    }

    @Test
    void atMostMaxInFlightDeliveriesAreOutstandingAndTheRestWaitTheirTurnInOrder() throws Exception {
        smsc.close();
        smsc = newSmsc(2);
        network.slow.add("262015500000001");
        for (long ref = 1; ref <= 5; ref++) {
            assertTrue(sc().submit(trigger(ref, "262015500000001")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted());
        }
        var first = network.held.poll(WAIT, TimeUnit.SECONDS);
        var second = network.held.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("scs1#1", first.getKey());
        assertEquals("scs1#2", second.getKey());
        assertEquals(new StoreAndForward.Window(2, 3), smsc.window().toCompletableFuture().get(WAIT, TimeUnit.SECONDS));

        // A waiting SM can be recalled without ever reaching the network.
        assertTrue(sc().recall(trigger(4, "262015500000001")).toCompletableFuture().get(WAIT, TimeUnit.SECONDS).isAccepted());

        first.getValue().complete(DeliveryAttempt.delivered());
        assertEquals("scs1#1 SUCCESS", report());
        var third = network.held.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("scs1#3", third.getKey(), "the oldest waiting SM takes the free place");
        second.getValue().complete(DeliveryAttempt.delivered());
        assertEquals("scs1#2 SUCCESS", report());
        var fifth = network.held.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("scs1#5", fifth.getKey(), "the recalled #4 is skipped");
        assertEquals(new StoreAndForward.Window(2, 0), smsc.window().toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        third.getValue().complete(DeliveryAttempt.delivered());
        fifth.getValue().complete(DeliveryAttempt.delivered());
        assertEquals(Set.of("scs1#3 SUCCESS", "scs1#5 SUCCESS"), Set.of(report(), report()));
        assertEquals(new StoreAndForward.Window(0, 0), smsc.window().toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals(HeldSmState.RECALLED, store.find(new SmId("scs1", 4)).orElseThrow().state());
        assertEquals(4, smsc.attemptCount(), "four attempts for five SMs: the recalled one never went out");
    }

    static DeviceTrigger trigger(long ref, String imsi, boolean priority) {
        return new DeviceTrigger(new TriggerId("scs1", ref), UeName.of(Msisdn.of("491701000001")),
                new SubscriberInfo(Imsi.of(imsi), Msisdn.of("491701000001"), List.of("491720000200")), new byte[] {1, 2}, 9200,
                priority, T0, T0.plusSeconds(60), TriggerState.ACCEPTED, null);
    }

    @Test
    void smsWithPriorityIndicationLeaveTheWindowQueueFirst() throws Exception {
        smsc.close();
        smsc = newSmsc(1);
        network.slow.add("262015500000001");
        sc().submit(trigger(1, "262015500000001", false)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        var first = network.held.poll(WAIT, TimeUnit.SECONDS);
        sc().submit(trigger(2, "262015500000001", false)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        sc().submit(trigger(3, "262015500000001", false)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        sc().submit(trigger(4, "262015500000001", true)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        assertEquals(new StoreAndForward.Window(1, 3), smsc.window().toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        first.getValue().complete(DeliveryAttempt.delivered());
        var next = network.held.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("scs1#4", next.getKey(), "the priority SM overtakes the two that waited longer");
        next.getValue().complete(DeliveryAttempt.delivered());
        var after = network.held.poll(WAIT, TimeUnit.SECONDS);
        assertEquals("scs1#2", after.getKey(), "then the others in order");
        after.getValue().complete(DeliveryAttempt.delivered());
        network.held.poll(WAIT, TimeUnit.SECONDS).getValue().complete(DeliveryAttempt.delivered());
    }

    /** With retries an hour apart, only the alert can bring the second attempt. */
    @Test
    void alertForAReturningUeDeliversAtOnceInsteadOfAtTheNextRetry() throws Exception {
        smsc.close();
        smsc = new StoreAndForward(store, network, new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1)), clock);
        smsc.reportTo(SmsScSubmitter.reportingTo((id, outcome) -> {
            reports.add(id + " " + outcome);
            return CompletableFuture.completedFuture(true);
        }));
        sc().submit(trigger(7, "262015500000007", false)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        sc().submit(trigger(8, "262015500000008", false)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        waitForAbsentAttempts(2);
        network.reachable.add("262015500000007");
        network.reachable.add("262015500000008");
        Imsi back = Imsi.of("262015500000007");
        assertEquals(1, smsc.alert(r -> r.imsi().equals(back)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals("scs1#7 SUCCESS", report());
        assertNull(reports.poll(100, TimeUnit.MILLISECONDS), "the other UE was not alerted and waits for its retry");
        assertEquals(0, smsc.alert(r -> r.imsi().equals(back)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS),
                "nothing waits for it any more");
    }

    @Test
    void retryWaitsDoubleUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertEquals(List.of(5L, 10L, 20L, 30L, 30L), List.of(p.after(1), p.after(2), p.after(3), p.after(4), p.after(9))
                .stream().map(Duration::toSeconds).toList());
    }
}

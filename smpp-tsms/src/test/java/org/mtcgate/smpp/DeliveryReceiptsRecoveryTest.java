package org.mtcgate.smpp;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.store.MemoryRecordStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receipts owed to SMEs outlive the receipt sender: a new one over the same store owes the same receipts. */
class DeliveryReceiptsRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MemoryRecordStore store = new MemoryRecordStore();

    private static ReceiptRequest request(String messageId, boolean onFailureOnly) {
        return new ReceiptRequest("tracker", messageId, "4930123456", "491702000001", NOW, NOW.plusSeconds(3600), onFailureOnly);
    }

    private DeliveryReceipts receipts() {
        return new DeliveryReceipts(TsmsServer.SUBMITTER_PREFIX, new BindRegistry(), new TsmsCounters(), clock, store);
    }

    /** Read after the sender thread has done what was queued before (a task behind them on the same thread). */
    private static int[] outstanding(DeliveryReceipts r) throws Exception {
        r.afterQueued().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return r.outstanding();
    }

    @Test
    void aReceiptAskedForAndOneDueAreBothOwedAfterARestart() throws Exception {
        SmId first = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 1);
        SmId second = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 2);
        try (DeliveryReceipts before = receipts()) {
            assertTrue(before.expect(first, request("1", false)).toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertTrue(before.expect(second, request("2", false)).toCompletableFuture().get(5, TimeUnit.SECONDS));
            // The second SM ends; its SME has no receiver bound, so its receipt is due and waits.
            assertTrue(before.onOutcome(second, SmOutcome.UNDELIVERABLE).toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertArrayEquals(new int[] {1, 1}, outstanding(before));
        }
        try (DeliveryReceipts after = receipts()) {
            assertArrayEquals(new int[] {1, 1}, outstanding(after), "one waits for its SM's outcome, one for a bind");
            ReceiptRecord due = ReceiptRecord.decode(store.recovered().get(ReceiptRecord.key(second)));
            assertEquals(SmOutcome.UNDELIVERABLE, due.outcome());
            assertEquals("2", due.request().messageId());
            // The first SM's outcome, heard after the restart, makes its receipt due too.
            after.onOutcome(first, SmOutcome.DELIVERED).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertArrayEquals(new int[] {0, 2}, outstanding(after));
        }
    }

    @Test
    void receiptsNotOwedLeaveNoRecord() throws Exception {
        SmId onFailure = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 3);
        SmId refused = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 4);
        try (DeliveryReceipts r = receipts()) {
            r.expect(onFailure, request("3", true)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            r.expect(refused, request("4", false)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            r.forget(refused);
            // registered_delivery 2: a delivered SM owes nothing.
            r.onOutcome(onFailure, SmOutcome.DELIVERED).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertArrayEquals(new int[] {0, 0}, outstanding(r));
        }
        assertTrue(store.recovered().isEmpty(), store.recovered().keySet().toString());
    }

    @Test
    void anOutcomeOfAnotherSubmitterIsNotOurs() throws Exception {
        try (DeliveryReceipts r = receipts()) {
            assertFalse(r.onOutcome(new SmId("scs:other", 9), SmOutcome.DELIVERED).toCompletableFuture().get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aDamagedRecordIsDroppedAndTheRestRecovered() throws Exception {
        SmId good = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 5);
        store.put(ReceiptRecord.key(good), ReceiptRecord.expected(good, request("5", false)).encode());
        store.put("tsms:tracker#6", new byte[] {1, 0, 0});
        try (DeliveryReceipts r = receipts()) {
            assertArrayEquals(new int[] {1, 0}, outstanding(r));
        }
        assertEquals(java.util.Set.of(ReceiptRecord.key(good)), store.recovered().keySet());
    }

    @Test
    void aReceiptWhoseSmEndedUnheardIsDroppedADayAfterItsValidity() throws Exception {
        MutableClock moving = new MutableClock(NOW);
        SmId id = new SmId(TsmsServer.SUBMITTER_PREFIX + "tracker", 8);
        try (DeliveryReceipts r = new DeliveryReceipts(TsmsServer.SUBMITTER_PREFIX, new BindRegistry(), new TsmsCounters(),
                moving, store)) {
            r.expect(id, request("8", false)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            moving.set(NOW.plusSeconds(3600).plus(DeliveryReceipts.ORPHAN_AFTER));
            r.dropOrphans();
            assertArrayEquals(new int[] {1, 0}, outstanding(r), "not before the day is over");
            moving.advance(java.time.Duration.ofSeconds(1));
            r.dropOrphans();
            assertArrayEquals(new int[] {0, 0}, outstanding(r));
        }
        assertTrue(store.recovered().isEmpty());
    }

    @Test
    void recordsRoundTripAndBadBytesAreNamed() {
        SmId id = new SmId("tsms:tracker", 77);
        ReceiptRequest noAddresses = new ReceiptRequest("tracker", "77", null, null, NOW, NOW.plusSeconds(60), true);
        ReceiptRecord expected = ReceiptRecord.expected(id, noAddresses);
        assertEquals(expected, ReceiptRecord.decode(expected.encode()));
        ReceiptRecord due = new ReceiptRecord(id, request("77", false), SmOutcome.EXPIRED, NOW.plusSeconds(61));
        assertEquals(due, ReceiptRecord.decode(due.encode()));

        byte[] bytes = due.encode();
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReceiptRecord.decode(longer)).getMessage()
                .contains("1 octets after"));
        byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReceiptRecord.decode(shorter)).getMessage()
                .contains("cut short"));
        byte[] future = bytes.clone();
        future[0] = 2;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReceiptRecord.decode(future)).getMessage()
                .contains("version 2"));
    }
}

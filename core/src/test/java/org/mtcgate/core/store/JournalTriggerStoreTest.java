package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JournalTriggerStoreTest {
    @TempDir
    Path dir;

    static DeviceTrigger trigger(long ref, TriggerState state) {
        Instant t = Instant.parse("2026-11-22T12:00:00Z");
        return new DeviceTrigger(new TriggerId("scs1.utility.example.com", ref),
                new UeName(ExternalId.of("meter-1@meters.example.com"), Msisdn.of("491701000001")),
                new SubscriberInfo(Imsi.of("262015500000001"), Msisdn.of("491701000001"), List.of("491720000200", "491720000201")),
                new byte[] {0, 1, (byte) 0xFF, 42}, 9200, true, t, t.plusSeconds(600), state,
                state == TriggerState.DELIVERED ? DeliveryOutcome.SUCCESS : null);
    }

    @Test
    void aTriggerSurvivesClosingAndReopening() throws Exception {
        DeviceTrigger t = trigger(1, TriggerState.ACCEPTED);
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            store.put(t).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            assertEquals(t, store.find(t.id()).orElseThrow());
            assertEquals(List.of(t), store.unfinished());
            assertEquals(2, store.size());
        }
    }

    @Test
    void manyConcurrentPutsAreAllDurableAndBatched() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, true)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                all.add(store.put(trigger(i, TriggerState.SUBMITTED)).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        }
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            assertEquals(5000, store.unfinished().size());
        }
    }

    @Test
    void stateChangesOverwriteAndPurgeDropsOnlyOldFinishedTriggers() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            store.put(trigger(1, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(1, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(TriggerState.DELIVERED, store.find(new TriggerId("scs1.utility.example.com", 1)).orElseThrow().state());
            // accepted 12:00, valid until 12:10: kept while valid and within the hour, forgotten after either
            assertEquals(0, store.purgeFinished(Instant.parse("2026-11-22T12:05:00Z")).toCompletableFuture().get(5, TimeUnit.SECONDS));
            int purged = store.purgeFinished(Instant.parse("2026-11-22T12:10:00Z")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(1, purged);
            assertEquals(1, store.size());
            assertTrue(store.find(new TriggerId("scs1.utility.example.com", 2)).isPresent());
        }
    }

    @Test
    void putsAfterCloseAreRefused() {
        JournalTriggerStore store = JournalTriggerStore.open(dir, false);
        store.close();
        assertThrows(Exception.class, () -> store.put(trigger(1, TriggerState.ACCEPTED)).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void aPurgeNeverDropsATriggerPutAgainAsUnfinished() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            store.put(trigger(1, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            List<String> scanned = store.finishedAt(Instant.parse("2026-11-23T00:00:00Z"));
            assertEquals(1, scanned.size());
            // Written after the purge's scan, before its removal: the purge must leave it.
            store.put(trigger(1, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(0, store.purge(scanned).toCompletableFuture().get(5, TimeUnit.SECONDS));
        }
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId("scs1.utility.example.com", 1)).orElseThrow().state());
        }
    }

    @Test
    void aWriteCutShortAtTheEndIsDroppedAndEverythingBeforeItKept() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            for (int i = 1; i <= 3; i++) {
                store.put(trigger(i, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        }
        Path newest = files("segment").get(files("segment").size() - 1);
        long whole = Files.size(newest);
        // A record header that promises more than was written, as a kill during write() leaves it.
        append(newest, ByteBuffer.allocate(12).putInt(500).putInt(0x1234).putInt(7).flip());
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            assertEquals(3, store.size());
            store.put(trigger(4, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertEquals(whole, Files.size(newest), "the torn tail is cut off");
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            assertEquals(4, store.size());
        }
    }

    @Test
    void damageBeforeTheEndStopsTheOpenNamingFileAndOffset() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            store.put(trigger(1, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false)) {
            store.put(trigger(3, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        Path older = files("segment").get(0);
        try (FileChannel ch = FileChannel.open(older, StandardOpenOption.WRITE)) {
            // flip one octet inside the first record's body
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xEE}), JournalFiles.HEADER + 8 + 20);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JournalTriggerStore.open(dir, false));
        assertTrue(e.getMessage().contains(older.getFileName().toString()) && e.getMessage().contains("offset " + JournalFiles.HEADER),
                e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aFileThatIsNoJournalIsRefused() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("segment-000000000001.journal"), "not a journal at all");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JournalTriggerStore.open(dir, false));
        assertTrue(e.getMessage().contains("not an mtcgate journal file"), e.getMessage());
    }

    @Test
    void fullSegmentsAreFoldedIntoASnapshotAndDeleted() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false, 4096, JournalStore.DEFAULT_CAPACITY)) {
            for (int i = 0; i < 400; i++) {
                store.put(trigger(i, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                store.put(trigger(i, i % 2 == 0 ? TriggerState.DELIVERED : TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        }
        // 800 records of some 150 octets each filled dozens of 4 KB segments; the snapshots replaced all but
        // the ones written after the last of them.
        assertEquals(1, files("snapshot").size(), "one snapshot: " + files("snapshot"));
        assertTrue(files("segment").size() <= 3, "segments left: " + files("segment"));
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false, 4096, JournalStore.DEFAULT_CAPACITY)) {
            assertEquals(400, store.size());
            assertEquals(200, store.unfinished().size());
            assertEquals(TriggerState.DELIVERED, store.find(new TriggerId("scs1.utility.example.com", 398)).orElseThrow().state());
            assertFalse(store.find(new TriggerId("scs1.utility.example.com", 400)).isPresent());
        }
    }

    @Test
    void beyondItsCapacityNewTriggersAreRefusedButHeldOnesStillChange() throws Exception {
        try (JournalTriggerStore store = JournalTriggerStore.open(dir, false, JournalStore.DEFAULT_SEGMENT_BYTES, 2)) {
            store.put(trigger(1, TriggerState.ACCEPTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.ACCEPTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            Exception refused = assertThrows(Exception.class,
                    () -> store.put(trigger(3, TriggerState.ACCEPTED)).toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertTrue(refused.getMessage().contains("holds 2 triggers, its limit"), refused.getMessage());
            store.put(trigger(2, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(TriggerState.DELIVERED, store.find(new TriggerId("scs1.utility.example.com", 2)).orElseThrow().state());
        }
    }

    private List<Path> files(String kind) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(kind + "-")).sorted().toList();
        }
    }

    private static void append(Path file, ByteBuffer data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(data);
        }
    }
}

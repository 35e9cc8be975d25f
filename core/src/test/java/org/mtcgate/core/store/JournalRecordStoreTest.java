package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SCEF's transactions across reopenings of their journal. */
class JournalRecordStoreTest {
    @TempDir
    Path dir;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void await(java.util.concurrent.CompletionStage<Void> s) throws Exception {
        s.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void putsAndRemovalsSurviveAReopening() throws Exception {
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, true)) {
            assertEquals(Map.of(), store.recovered());
            await(store.put("as1/a", bytes("first")));
            await(store.put("as1/b", bytes("second")));
            await(store.put("as1/a", bytes("first, changed")));
            await(store.remove("as1/b"));
            await(store.remove("as1/never"));
        }
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, true)) {
            assertEquals(List.of("as1/a"), List.copyOf(store.recovered().keySet()));
            assertArrayEquals(bytes("first, changed"), store.recovered().get("as1/a"));
            await(store.remove("as1/a"));
            await(store.put("as1/b", bytes("back")));
        }
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, false)) {
            assertEquals(Map.of("as1/b", "back"), Map.of("as1/b", new String(store.recovered().get("as1/b"), StandardCharsets.UTF_8)));
            assertEquals(1, store.recovered().size());
        }
    }

    @Test
    void aPutAfterARemovalOfTheSameKeyIsKept() throws Exception {
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, false)) {
            await(store.put("as1/a", bytes("one")));
            var removed = store.remove("as1/a");
            var again = store.put("as1/a", bytes("two"));
            await(removed);
            await(again);
        }
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, false)) {
            assertArrayEquals(bytes("two"), store.recovered().get("as1/a"));
        }
    }

    @Test
    void damageStopsTheOpenNamingTheFileAndOffset() throws Exception {
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, false)) {
            await(store.put("as1/a", bytes("{\"format\":1}")));
        }
        try (JournalRecordStore store = JournalRecordStore.open("T8 transactions", dir, false)) {
            await(store.put("as1/b", bytes("{\"format\":1}")));
        }
        Path older;
        try (Stream<Path> files = Files.list(dir)) {
            older = files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(older, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xEE}), JournalFiles.HEADER + 8 + 4);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JournalRecordStore.open("T8 transactions", dir, false));
        assertTrue(e.getMessage().contains(older.getFileName().toString()) && e.getMessage().contains("offset " + JournalFiles.HEADER),
                e.getMessage());
    }

    @Test
    void theNodeStoresNameTheDataDirOnDamage() throws Exception {
        Path t8 = dir.resolve("t8");
        Files.createDirectories(t8);
        Files.writeString(t8.resolve("segment-000000000001.journal"), "not a journal at all");
        StoreException e = assertThrows(StoreException.class,
                () -> new EmbeddedStores(dir, (org.mtcgate.filter.trigger.SubscriberTable) null).t8Transactions("t8", false));
        assertTrue(e.getMessage().contains("node.data-dir") && e.getMessage().contains("segment-000000000001.journal")
                && e.getMessage().contains("not an mtcgate journal file"), e.getMessage());
    }
}

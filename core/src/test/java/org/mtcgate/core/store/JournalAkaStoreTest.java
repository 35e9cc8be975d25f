package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.UnknownSubscriberException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalAkaStoreTest {
    static final Impi IMPI = new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org");
    static final List<AkaCredentials> SUBS = List.of(new AkaCredentials(IMPI,
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf")));

    @TempDir
    Path dir;

    static long next(JournalAkaStore store, OptionalLong resync) throws Exception {
        return store.nextSeq(IMPI, resync).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void seqSurvivesARestartAndIsNeverGivenTwice() throws Exception {
        try (JournalAkaStore store = JournalAkaStore.open(dir, true, SUBS)) {
            assertEquals(1, next(store, OptionalLong.empty()));
            assertEquals(2, next(store, OptionalLong.empty()));
            assertEquals(3, next(store, OptionalLong.empty()));
        }
        try (JournalAkaStore store = JournalAkaStore.open(dir, true, SUBS)) {
            assertEquals(3, store.seqHe(IMPI));
            assertEquals(4, next(store, OptionalLong.empty()));
            assertEquals(701, next(store, OptionalLong.of(700)), "resync: SEQ_HE := SEQ_MS, then one more");
        }
        try (JournalAkaStore store = JournalAkaStore.open(dir, true, SUBS)) {
            assertEquals(702, next(store, OptionalLong.empty()));
        }
    }

    @Test
    void concurrentCallersGetDistinctSeqsAndTheLastIsKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JournalAkaStore store = JournalAkaStore.open(dir, false, SUBS)) {
            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(CompletableFuture.supplyAsync(() -> store.nextSeq(IMPI, OptionalLong.empty()), pool)
                        .thenCompose(s -> s));
            }
            Set<Long> seen = new HashSet<>();
            for (CompletableFuture<Long> f : all) {
                assertTrue(seen.add(f.get(10, TimeUnit.SECONDS)));
            }
            assertEquals(200, seen.size());
        } finally {
            pool.shutdownNow();
        }
        try (JournalAkaStore store = JournalAkaStore.open(dir, false, SUBS)) {
            assertEquals(200, store.seqHe(IMPI));
        }
    }

    @Test
    void unknownImpiHasNoSeq() throws Exception {
        try (JournalAkaStore store = JournalAkaStore.open(dir, false, SUBS)) {
            assertTrue(store.credentials(new Impi("x@ims.test")).toCompletableFuture().get().isEmpty());
            CompletionException e = assertThrows(CompletionException.class,
                    () -> store.nextSeq(new Impi("x@ims.test"), OptionalLong.empty()).toCompletableFuture().join());
            assertInstanceOf(UnknownSubscriberException.class, e.getCause());
        }
    }
}

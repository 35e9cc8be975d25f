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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MvTriggerStoreTest {
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
        try (MvTriggerStore store = MvTriggerStore.open(dir, false)) {
            store.put(t).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        try (MvTriggerStore store = MvTriggerStore.open(dir, false)) {
            assertEquals(t, store.find(t.id()).orElseThrow());
            assertEquals(List.of(t), store.unfinished());
            assertEquals(2, store.size());
        }
    }

    @Test
    void manyConcurrentPutsAreAllDurableAndBatched() throws Exception {
        try (MvTriggerStore store = MvTriggerStore.open(dir, true)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                all.add(store.put(trigger(i, TriggerState.SUBMITTED)).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        }
        try (MvTriggerStore store = MvTriggerStore.open(dir, false)) {
            assertEquals(5000, store.unfinished().size());
        }
    }

    @Test
    void stateChangesOverwriteAndPurgeDropsOnlyOldFinishedTriggers() throws Exception {
        try (MvTriggerStore store = MvTriggerStore.open(dir, false)) {
            store.put(trigger(1, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(1, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            store.put(trigger(2, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(TriggerState.DELIVERED, store.find(new TriggerId("scs1.utility.example.com", 1)).orElseThrow().state());
            int purged = store.purgeFinishedBefore(Instant.parse("2026-11-23T00:00:00Z")).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(1, purged);
            assertEquals(1, store.size());
            assertTrue(store.find(new TriggerId("scs1.utility.example.com", 2)).isPresent());
        }
    }

    @Test
    void putsAfterCloseAreRefused() {
        MvTriggerStore store = MvTriggerStore.open(dir, false);
        store.close();
        assertThrows(Exception.class, () -> store.put(trigger(1, TriggerState.ACCEPTED)).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
}

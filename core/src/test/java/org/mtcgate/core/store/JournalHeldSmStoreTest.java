package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.HeldSmState;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.trigger.TriggerState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalHeldSmStoreTest {
    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dir;

    static HeldSm sm(long ref) {
        return HeldSm.held(new SmId("scs1.utility.example.com", ref),
                new SmRecipient(Imsi.of("262015500000001"), Msisdn.of("491701000001"), List.of("491720000200", "491720000201")),
                new ShortMessage(MessageKind.PID_DEVICE_TRIGGER, 0x04, 9200, true, new byte[] {0, 1, (byte) 0xFF, 42}),
                T0, T0.plusSeconds(600));
    }

    @Test
    void anSmSurvivesClosingAndReopeningWithEveryField() throws Exception {
        HeldSm delivered = sm(2).withState(HeldSmState.DELIVERED, SmOutcome.DELIVERED);
        HeldSm noMsisdn = HeldSm.held(new SmId("mtc-iwf.other.example.net", 3), new SmRecipient(Imsi.of("262015500000002"), null,
                List.of()), new ShortMessage(0x7F, 0xF6, -1, false, new byte[0]), T0, T0.plusSeconds(1));
        try (JournalHeldSmStore store = JournalHeldSmStore.open(dir, false)) {
            for (HeldSm sm : List.of(sm(1), delivered, noMsisdn)) {
                store.put(sm).toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        }
        try (JournalHeldSmStore store = JournalHeldSmStore.open(dir, false)) {
            assertEquals(sm(1), store.find(new SmId("scs1.utility.example.com", 1)).orElseThrow());
            assertEquals(delivered, store.find(new SmId("scs1.utility.example.com", 2)).orElseThrow());
            HeldSm read = store.find(new SmId("mtc-iwf.other.example.net", 3)).orElseThrow();
            assertEquals(noMsisdn, read);
            assertArrayEquals(new byte[0], read.message().userData());
            assertEquals(2, store.unfinished().size(), "the delivered one is finished");
            assertEquals(List.of(sm(1)), store.byReference(1));
        }
    }

    /** An SMS-SC before its own model kept trigger records (format 1) in the same place: they are still delivered. */
    @Test
    void triggersHeldByAnEarlierSmsScAreReadAsTheirSms() throws Exception {
        try (JournalTriggerStore before = JournalTriggerStore.open(dir, false)) {
            before.put(JournalTriggerStoreTest.trigger(7, TriggerState.SUBMITTED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            before.put(JournalTriggerStoreTest.trigger(8, TriggerState.DELIVERED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        try (JournalHeldSmStore store = JournalHeldSmStore.open(dir, false)) {
            List<HeldSm> unfinished = store.unfinished();
            assertEquals(1, unfinished.size());
            HeldSm held = unfinished.get(0);
            assertEquals(new SmId("scs1.utility.example.com", 7), held.id());
            assertEquals(HeldSmState.HELD, held.state());
            assertEquals(MessageKind.PID_DEVICE_TRIGGER, held.message().protocolId());
            assertEquals(9200, held.message().applicationPort());
            assertArrayEquals(new byte[] {0, 1, (byte) 0xFF, 42}, held.message().userData());
            assertEquals(List.of("491720000200", "491720000201"), held.recipient().servingNodes());
            HeldSm done = store.find(new SmId("scs1.utility.example.com", 8)).orElseThrow();
            assertEquals(HeldSmState.DELIVERED, done.state());
            assertEquals(SmOutcome.DELIVERED, done.outcome());
            // written again, it is in the new format and reads back the same
            store.put(held.withState(HeldSmState.EXPIRED, SmOutcome.EXPIRED)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        try (JournalHeldSmStore store = JournalHeldSmStore.open(dir, false)) {
            assertTrue(store.unfinished().isEmpty());
            assertEquals(SmOutcome.EXPIRED, store.find(new SmId("scs1.utility.example.com", 7)).orElseThrow().outcome());
        }
    }
}

package org.mtcgate.t8;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.store.MemoryRecordStore;
import org.mtcgate.filter.trigger.TriggerId;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions as stored records, and a table rebuilt from them as after a restart. */
class TransactionRecordsTest {
    @Test
    void aTransactionReadsBackAsItWasWritten() {
        Transaction t = TransactionsTest.transaction("t1", 7).withReport("SUCCESS");
        Transaction back = TransactionCodec.decode(TransactionCodec.encode(t));
        assertEquals(t.scsAsId(), back.scsAsId());
        assertEquals(t.id(), back.id());
        assertEquals(t.trigger(), back.trigger());
        assertEquals("SUCCESS", back.deliveryResult());
        assertTrue(back.reportPending());
        assertEquals(t.keepUntil(), back.keepUntil());
        assertEquals(t.content().body(), back.content().body());
        assertEquals(t.content().ue(), back.content().ue());
        assertArrayEquals(new byte[] {'w', 'a', 'k', 'e'}, back.content().payload(), "the payload of the stored request");
        assertEquals(t.content().notificationDestination(), back.content().notificationDestination());
    }

    @Test
    void aRestartedTableHasEveryTransactionAndItsPendingReport() {
        MemoryRecordStore store = new MemoryRecordStore(); // outlives the table, as the journal outlives the process
        Transactions before = new Transactions(10, store);
        Transaction t1 = TransactionsTest.transaction("t1", 1);
        Transaction t2 = TransactionsTest.transaction("t2", 2);
        assertTrue(before.add(t1));
        assertTrue(before.add(t2));
        before.update(t1.withReport("SUCCESS"));
        before.remove(t2);
        before.update(t2.withResult("FAILURE"));

        Transactions after = new Transactions(10, store);
        assertEquals(1, after.size(), "a removed transaction stays removed");
        assertEquals("t1", after.byTrigger(new TriggerId("as1", 1)).orElseThrow().id());
        assertEquals(List.of("t1"), after.reportsPending().stream().map(Transaction::id).toList());
        after.reported(after.find("as1", "t1").orElseThrow());
        assertFalse(new Transactions(10, store).find("as1", "t1").orElseThrow().reportPending(), "sent: not sent again");
    }

    @Test
    void anUnreadableRecordIsNamedWithWhereItIs() {
        MemoryRecordStore store = new MemoryRecordStore(); // outlives the table, as the journal outlives the process
        store.put("as1/bad", "{\"format\":9}".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Transactions(10, store));
        assertTrue(e.getMessage().contains("as1/bad") && e.getMessage().contains("format 9"), e.getMessage());
        store.put("as1/bad", "{not json".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(IllegalArgumentException.class, () -> new Transactions(10, store));
        assertTrue(e.getMessage().contains("as1/bad") && e.getMessage().contains("not a transaction record"), e.getMessage());
    }
}

package org.mtcgate.t8;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.UeName;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transaction table and the retry window, without sockets. */
class TransactionsTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final DeviceTriggeringBody BODY = new DeviceTriggeringBody(null, null, "491701000001", null, 60L, "NO_PRIORITY", 9200,
            null, "d2FrZQ==", "https://as1.example/reports", null, null);

    static Transaction transaction(String id, long ref) {
        return new Transaction("as1", id, new TriggerId("as1", ref), new TriggerContent(UeName.of(Msisdn.of("491701000001")),
                new byte[] {1}, 9200, false, Duration.ofSeconds(60), URI.create("https://as1.example/reports"), BODY), null,
                NOW.plusSeconds(60));
    }

    @Test
    void aReplacedTransactionIsFoundByItsNewTriggerOnlyAndSweptWhole() {
        Transactions table = new Transactions(2);
        Transaction t = transaction("t1", 1);
        assertTrue(table.add(t));
        assertTrue(table.add(transaction("t2", 2)));
        assertFalse(table.add(transaction("t3", 3)), "bounded");

        TriggerId next = new TriggerId("as1", 10);
        table.alias(next, t);
        assertEquals("t1", table.byTrigger(next).orElseThrow().id(), "a pending replacement finds its transaction");
        table.replace(t.replacedBy(next, t.content(), NOW.plusSeconds(60)), t.trigger());
        assertTrue(table.byTrigger(t.trigger()).isEmpty(), "the old trigger no longer names it");
        assertEquals(next, table.byTrigger(next).orElseThrow().trigger());

        assertEquals(2, table.sweep(NOW.plusSeconds(61)));
        assertEquals(0, table.size());
        assertTrue(table.byTrigger(next).isEmpty());
    }

    @Test
    void aRetryWithinTheWindowGetsTheFirstAnswerButARefusalIsForgotten() {
        IdempotentCreates creates = new IdempotentCreates(Duration.ofSeconds(60));
        AtomicInteger made = new AtomicInteger();
        HttpReply created = HttpReply.empty(201);
        assertEquals(created, creates.once("as1", BODY, NOW, () -> { made.incrementAndGet(); return CompletableFuture.completedFuture(created); })
                .toCompletableFuture().join());
        assertEquals(created, creates.once("as1", BODY, NOW.plusSeconds(30), () -> { made.incrementAndGet(); return null; })
                .toCompletableFuture().join());
        assertEquals(1, made.get());
        creates.once("as2", BODY, NOW, () -> { made.incrementAndGet(); return CompletableFuture.completedFuture(HttpReply.empty(503)); });
        creates.once("as2", BODY, NOW, () -> { made.incrementAndGet(); return CompletableFuture.completedFuture(created); });
        assertEquals(3, made.get(), "another SCS/AS is another create; a refused one is tried again");
        creates.once("as1", BODY, NOW.plusSeconds(61), () -> { made.incrementAndGet(); return CompletableFuture.completedFuture(created); });
        assertEquals(4, made.get(), "after the window it is a new trigger");
    }
}

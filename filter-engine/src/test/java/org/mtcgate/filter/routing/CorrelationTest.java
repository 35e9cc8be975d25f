package org.mtcgate.filter.routing;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationTest {
    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    static Correlation correlation(CorrelationId id, Instant expires) {
        return new Correlation(id, Msisdn.of("491701000001"), Imsi.of("262015500000001"), "491720000200", null,
                "33612000000", expires);
    }

    @Test
    void idsLookLikeHomeImsisAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<CorrelationId> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            CorrelationId id = CorrelationId.random("26201", random);
            assertEquals(15, id.asImsi().length());
            assertTrue(id.toString().startsWith("26201"));
            seen.add(id);
        }
        assertTrue(seen.size() > 9_990, "ten random digits should almost never repeat in 10,000 draws");
        assertThrows(IllegalArgumentException.class, () -> CorrelationId.random("262", random));
    }

    @Test
    void correlationsExpireAndAreBounded() {
        MemoryCorrelationStore store = new MemoryCorrelationStore(2);
        CorrelationId a = CorrelationId.of(Imsi.of("262019999999991"));
        CorrelationId b = CorrelationId.of(Imsi.of("262019999999992"));
        assertTrue(store.put(correlation(a, T0.plusSeconds(30))));
        assertFalse(store.put(correlation(a, T0.plusSeconds(30))), "an ID is never handed out twice");
        assertTrue(store.put(correlation(b, T0.plusSeconds(60))));
        assertFalse(store.put(correlation(CorrelationId.of(Imsi.of("262019999999993")), T0.plusSeconds(60))), "full");
        assertTrue(store.find(a, T0.plusSeconds(29)).isPresent());
        assertTrue(store.find(a, T0.plusSeconds(30)).isEmpty(), "expired at its deadline");
        assertEquals(1, store.size());
        assertEquals(1, store.expire(T0.plusSeconds(61)));
        assertEquals(0, store.size());
    }
}

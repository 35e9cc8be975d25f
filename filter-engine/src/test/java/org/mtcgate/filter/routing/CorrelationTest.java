package org.mtcgate.filter.routing;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Zone;

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

    @Test
    void theStoreSaysWhetherItHasRoomBeforeAnyoneAsksTheHlr() {
        MemoryCorrelationStore store = new MemoryCorrelationStore(1);
        assertTrue(store.hasRoom());
        assertTrue(store.put(correlation(CorrelationId.of(Imsi.of("262019999999991")), T0.plusSeconds(30))));
        assertFalse(store.hasRoom());
        store.expire(T0.plusSeconds(31));
        assertTrue(store.hasRoom());
    }

    @Test
    void whoAskedIsTheCallingGtAndTheLinkTogether() {
        ArrivalLink gateway = new ArrivalLink("intl-gw", Zone.INTERCONNECT);
        ArrivalLink home = new ArrivalLink("home-smsc", Zone.HOME);
        Correlation.AskedBy asked = new Correlation.AskedBy(GlobalTitle.of("491720000100"), home);
        assertTrue(asked.sameAs(new Correlation.AskedBy(GlobalTitle.of("491720000100"), home)));
        assertFalse(asked.sameAs(new Correlation.AskedBy(GlobalTitle.of("491720000100"), gateway)), "same GT, other link");
        assertFalse(asked.sameAs(new Correlation.AskedBy(GlobalTitle.of("491720000101"), home)), "same link, other GT");
        assertFalse(asked.sameAs(new Correlation.AskedBy(null, home)), "no calling GT");
        assertFalse(asked.sameAs(null));
        Correlation c = new Correlation(CorrelationId.of(Imsi.of("262019999999991")), Msisdn.of("491701000001"),
                Imsi.of("262015500000001"), "491720000200", null, "491720000100", T0, asked);
        assertEquals("GT 491720000100 on home-smsc (home)", c.askedBy().toString());
    }
}

package org.mtcgate.diameter.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.BaseAvps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6733 6.5 duplicate detection, including a duplicate that arrives while the first is still being handled. */
class DuplicateCacheTest {
    private final DuplicateCache cache = new DuplicateCache(Duration.ofMinutes(1));

    private static DiameterMessage answer(int endToEnd) {
        return DiameterMessage.builder().flags(DiameterMessage.FLAG_PROXIABLE).commandCode(8388639)
                .applicationId(16777309).hopByHopId(0x1111).endToEndId(endToEnd)
                .avp(BaseAvps.sessionId("mtc-iwf.operator.test;1;2")).avp(BaseAvps.resultCode(2001))
                .avp(BaseAvps.originHost("mtc-iwf.operator.test")).build();
    }

    @Test
    void duplicateWhilePendingGetsTheAnswerWhenItIsGiven() {
        List<DiameterMessage> resent = new ArrayList<>();
        DuplicateCache.Entry first = cache.register("scs1.utility.test", 7, resent::add);
        assertNotNull(first, "a new request is the caller's to answer");
        assertNull(cache.register("SCS1.utility.test", 7, resent::add), "Origin-Host is compared without case");
        assertNull(cache.register("scs1.utility.test", 7, resent::add));
        assertTrue(resent.isEmpty(), "nothing to resend before the answer exists");

        first.answered(answer(7));
        assertEquals(2, resent.size());
        assertEquals(answer(7).avps(), resent.get(0).avps());
    }

    @Test
    void duplicateAfterTheAnswerGetsItAgainFromItsEncodedForm() {
        DiameterMessage given = answer(9);
        cache.register("scs1.utility.test", 9, a -> { }).answered(given);
        List<DiameterMessage> resent = new ArrayList<>();
        assertNull(cache.register("scs1.utility.test", 9, resent::add));
        DiameterMessage again = resent.get(0);
        List<Avp> avps = again.avps();
        assertEquals(given.avps(), avps);
        assertEquals(given.commandCode(), again.commandCode());
        assertEquals(given.applicationId(), again.applicationId());
        assertEquals(given.flags(), again.flags());
        assertEquals(given.endToEndId(), again.endToEndId());
    }

    @Test
    void otherOriginOrEndToEndIsANewRequest() {
        assertNotNull(cache.register("scs1.utility.test", 1, a -> { }));
        assertNotNull(cache.register("scs2.utility.test", 1, a -> { }));
        assertNotNull(cache.register("scs1.utility.test", 2, a -> { }));
        assertEquals(3, cache.size());
    }
}

package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;

/** The bounds, their release, and the aggregation of refusals for the audit, with a clock the test moves. */
class OverloadGuardTest {
    private final AtomicLong now = new AtomicLong(1);
    private final List<String> reports = new ArrayList<>();
    private final Counters counters = new Counters(null);
    private final OverloadGuard guard = new OverloadGuard(new OverloadSettings(2, 3, 50, Duration.ofSeconds(10)),
            (peer, scope, refused, pending, limit) -> reports.add(peer + " " + scope + " " + refused + " " + pending + "/" + limit),
            new ErrorAnswers(TestPeers.identity("mtc-iwf.operator.test", "operator.test")), now::get);

    private static DiameterMessage dar(String host) {
        return TestPeers.dar(host, "example.test", "operator.test", 1);
    }

    @Test
    void perPeerAndTotalBoundsAndRelease() {
        OverloadGuard.Admission a1 = guard.admit("a", dar("a"), counters).orElseThrow();
        guard.admit("a", dar("a"), counters).orElseThrow();
        assertTrue(guard.admit("a", dar("a"), counters).isEmpty(), "a's share is full");
        guard.admit("b", dar("b"), counters).orElseThrow();
        assertTrue(guard.admit("b", dar("b"), counters).isEmpty(), "the total is full though b has room");
        assertEquals(List.of("a PEER 1 2/2", "b TOTAL 1 3/3"), reports);
        a1.release();
        a1.release();
        assertEquals(2, guard.pending(), "a release is counted once");
        assertEquals(1, guard.pending("a"));
        assertTrue(guard.admit("b", dar("b"), counters).isPresent());
        assertEquals(2, counters.get(Counter.TOO_BUSY_ANSWERS));
    }

    @Test
    void aFloodIsReportedOnceASecondAndTheRestByTheFlush() {
        guard.admit("a", dar("a"), counters).orElseThrow();
        guard.admit("a", dar("a"), counters).orElseThrow();
        for (int i = 0; i < 100; i++) {
            assertTrue(guard.admit("a", dar("a"), counters).isEmpty());
        }
        assertEquals(List.of("a PEER 1 2/2"), reports, "the first refusal at once, the rest held back");
        guard.flushRefusals();
        assertEquals(List.of("a PEER 1 2/2", "a PEER 99 2/2"), reports);
        guard.flushRefusals();
        assertEquals(2, reports.size(), "nothing left, nothing reported");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(guard.admit("a", dar("a"), counters).isEmpty());
        assertEquals("a PEER 1 2/2", reports.get(2), "a second later a refusal is reported at once again");
        assertEquals(101, counters.get(Counter.TOO_BUSY_ANSWERS));
    }

    @Test
    void tooBusyIsA3004WithTheEBit() {
        DiameterMessage busy = guard.tooBusy("a", dar("a"));
        assertEquals(3004, busy.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        assertTrue(busy.isError());
        assertFalse(busy.isRequest());
    }
}

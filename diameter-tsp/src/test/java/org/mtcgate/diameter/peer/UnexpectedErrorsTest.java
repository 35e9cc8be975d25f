package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every error is counted; the log gets one WARN line per peer per interval, whatever the error rate. */
class UnexpectedErrorsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final UnexpectedErrors errors = new UnexpectedErrors(Duration.ofSeconds(10), now::get);
    private final Counters counters = new Counters(null);

    @Test
    void aThousandErrorsMakeOneWarnLinePerIntervalAndAreAllCounted() {
        int lines = 0;
        for (int i = 0; i < 1000; i++) {
            lines += errors.report("scs.example.test", "handler", new IllegalStateException("bug"), counters) ? 1 : 0;
        }
        assertEquals(1, lines);
        assertEquals(1000, counters.get(Counter.INTERNAL_ERRORS));
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertFalse(errors.report("scs.example.test", "handler", new IllegalStateException("bug"), counters));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(errors.report("scs.example.test", "handler", new IllegalStateException("bug"), counters),
                "the next interval gets its line, with the count since the last one");
    }

    @Test
    void peersAreLimitedSeparatelyAndIoErrorsCountAsTransportErrors() {
        assertTrue(errors.report("a.example.test", "connection", new IOException("reset"), counters));
        assertTrue(errors.report("b.example.test", "connection", new IOException("reset"), counters),
                "one peer's errors do not hide another's");
        assertFalse(errors.report("a.example.test", "connection", new IOException("reset"), counters));
        assertEquals(3, counters.get(Counter.TRANSPORT_ERRORS));
        assertEquals(0, counters.get(Counter.INTERNAL_ERRORS));
    }

    @Test
    void badInputIsLimitedApartFromErrors() {
        assertTrue(errors.badInput("a.example.test", "length 12 -> 5015"));
        assertFalse(errors.badInput("a.example.test", "length 12 -> 5015"));
        assertTrue(errors.report("a.example.test", "handler", new IllegalStateException("bug"), counters));
    }
}

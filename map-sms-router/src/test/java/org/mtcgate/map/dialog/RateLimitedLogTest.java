package org.mtcgate.map.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One WARN line for the first occurrence, then at most one counted summary per interval; stack traces at DEBUG. */
class RateLimitedLogTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender = new AbstractAppender("rate-limited-log-test", null, null, true,
            Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    };
    private Logger logger;

    @BeforeEach
    void attach() {
        logger = (Logger) LogManager.getLogger("rate-limited-log-test");
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void detach() {
        logger.removeAppender(appender);
        appender.stop();
    }

    @Test
    void aBurstIsOneLineAndThenOneCountPerInterval() {
        RateLimitedLog log = new RateLimitedLog(logger, TimeUnit.SECONDS.toNanos(10), now::get);
        log.warn("undecodable-component", "first", new IllegalStateException("boom"));
        for (int i = 0; i < 1000; i++) {
            log.warn("undecodable-component", "again " + i, new IllegalStateException("boom"));
        }
        assertEquals(1, events.size(), "one line for the first, nothing for the next 1000 within the interval");
        assertNull(events.get(0).getThrown(), "no stack trace at WARN");
        assertTrue(events.get(0).getMessage().getFormattedMessage().contains("IllegalStateException: boom"),
                "the exception's message is kept");

        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        log.warn("undecodable-component", "later", null);
        assertEquals(2, events.size());
        String summary = events.get(1).getMessage().getFormattedMessage();
        assertTrue(summary.contains("1001 more") && summary.contains("1002 in all"), summary);
        assertEquals(1002, log.total("undecodable-component"));

        log.warn("other", "a different kind is written at once", null);
        assertEquals(3, events.size());
    }

    @Test
    void flushWritesWhatIsStillUncounted() {
        RateLimitedLog log = new RateLimitedLog(logger, TimeUnit.SECONDS.toNanos(10), now::get);
        log.warn("unknown-transaction", "one", null);
        log.warn("unknown-transaction", "two", null);
        log.warn("unknown-transaction", "three", null);
        log.flush();
        assertEquals(2, events.size());
        assertTrue(events.get(1).getMessage().getFormattedMessage().contains("2 more (3 in all)"));
        log.flush();
        assertEquals(2, events.size(), "nothing new, nothing written");
    }

    @Test
    void stackTracesGoToDebugForEveryOccurrence() {
        logger.setLevel(Level.DEBUG);
        RateLimitedLog log = new RateLimitedLog(logger, TimeUnit.SECONDS.toNanos(10), now::get);
        log.warn("map-failure", "x", new IllegalStateException("one"));
        log.warn("map-failure", "y", new IllegalStateException("two"));
        assertEquals(2, events.stream().filter(e -> e.getLevel() == Level.DEBUG && e.getThrown() != null).count());
        assertEquals(1, events.stream().filter(e -> e.getLevel() == Level.WARN).count());
    }
}

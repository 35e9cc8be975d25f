package org.mtcgate.diameter.peer;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Every Throwable that reaches an event loop or a handler's future ends here: counted
 * ({@link Counter#TRANSPORT_ERRORS} for I/O errors, {@link Counter#INTERNAL_ERRORS} for the rest) and logged
 * per peer without flooding the log: the first one of a peer with its stack trace at DEBUG, and a WARN line
 * at most once per interval with how many there were since the previous line. Thread-safe.
 */
final class UnexpectedErrors {
    private static final Logger LOG = LogManager.getLogger(UnexpectedErrors.class);
    /** Connections before CER are keyed by address: bound the table against many of them. */
    private static final int MAX_SOURCES = 4096;
    private static final String OTHERS = "(other sources)";

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Source> sources = new ConcurrentHashMap<>();

    UnexpectedErrors(java.time.Duration warnInterval, LongSupplier nanoClock) {
        this.intervalNanos = warnInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * @param peer     the peer's Origin-Host, or its address before CER
     * @param where    what failed, for the log ("event loop", "handler for application 16777309")
     * @param error    what was thrown
     * @param counters the connection's counters (they feed the node's)
     */
    void report(String peer, String where, Throwable error, Counters counters) {
        boolean io = error instanceof IOException;
        counters.increment(io ? Counter.TRANSPORT_ERRORS : Counter.INTERNAL_ERRORS);
        String key = peer == null ? "?" : peer;
        Source s = sources.get(key);
        if (s == null) {
            s = sources.computeIfAbsent(sources.size() >= MAX_SOURCES ? OTHERS : key, k -> new Source());
        }
        long now = nanoClock.getAsLong();
        boolean first;
        long count;
        synchronized (s) {
            first = s.total++ == 0;
            s.sinceWarn++;
            if (!first && now - s.lastWarnNanos < intervalNanos) {
                return;
            }
            count = s.sinceWarn;
            s.sinceWarn = 0;
            s.lastWarnNanos = now;
        }
        if (first) {
            LOG.debug("{}: first error from {} (stack trace logged once per peer)", key, where, error);
        }
        LOG.warn("{}: {} failed: {} ({} since the last report{})", key, where, error,
                count, io ? ", I/O" : "");
    }

    private static final class Source {
        private long total;
        private long sinceWarn;
        private long lastWarnNanos;
    }
}

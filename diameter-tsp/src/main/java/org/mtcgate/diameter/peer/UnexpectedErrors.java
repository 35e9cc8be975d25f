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
     * @return whether a WARN line was written for this one
     */
    boolean report(String peer, String where, Throwable error, Counters counters) {
        boolean io = error instanceof IOException;
        counters.increment(io ? Counter.TRANSPORT_ERRORS : Counter.INTERNAL_ERRORS);
        String key = peer == null ? "?" : peer;
        long count = due(source(key));
        if (count < 0) {
            return false;
        }
        if (count == FIRST) {
            LOG.debug("{}: first error from {} (stack trace logged once per peer)", key, where, error);
            count = 1;
        }
        LOG.warn("{}: {} failed: {} ({} since the last report{})", key, where, error,
                count, io ? ", I/O" : "");
        return true;
    }

    /**
     * Bad input from a peer (counted by the caller, answered with a protocol error): one WARN line per peer
     * per interval, with how many there were, so a peer sending garbage cannot flood the log.
     */
    boolean badInput(String peer, String description) {
        String key = peer == null ? "?" : peer;
        long count = due(source("input from " + key));
        if (count < 0) {
            return false;
        }
        LOG.warn("{}: undecodable or invalid input: {} ({} since the last report)", key, description,
                count == FIRST ? 1 : count);
        return true;
    }

    private static final long FIRST = Long.MAX_VALUE;

    private Source source(String key) {
        Source s = sources.get(key);
        return s != null ? s : sources.computeIfAbsent(sources.size() >= MAX_SOURCES ? OTHERS : key, k -> new Source());
    }

    /** -1 when this occurrence is not to be logged; {@link #FIRST} for a source's first; else the count to report. */
    private long due(Source s) {
        long now = nanoClock.getAsLong();
        synchronized (s) {
            boolean first = s.total++ == 0;
            s.sinceWarn++;
            if (!first && now - s.lastWarnNanos < intervalNanos) {
                return -1;
            }
            long count = s.sinceWarn;
            s.sinceWarn = 0;
            s.lastWarnNanos = now;
            return first ? FIRST : count;
        }
    }

    private static final class Source {
        private long total;
        private long sinceWarn;
        private long lastWarnNanos;
    }
}

package org.mtcgate.map.dialog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Logger;

/**
 * Logs repeated errors of peer input without letting a flood of them flood the log. Per key (e.g. an error
 * kind): the first occurrence is one WARN line; later ones are counted, and at most one summary line per
 * interval says how many there were. A stack trace is never written at WARN, only at DEBUG, for every
 * occurrence. Thread-safe and lock-free; the summary of the last interval is written by the first occurrence
 * after it, so a burst that stops leaves its count unwritten until the next one (or {@link #flush}).
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong suppressed = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        volatile long lastWritten;
    }

    public RateLimitedLog(Logger log, long interval, TimeUnit unit) {
        this(log, unit.toNanos(interval), System::nanoTime);
    }

    RateLimitedLog(Logger log, long intervalNanos, LongSupplier nanoTime) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.log = log;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    /** One occurrence of {@code key}; {@code detail} describes this one, {@code cause} may be null. */
    public void warn(String key, String detail, Throwable cause) {
        if (cause != null && log.isDebugEnabled()) {
            log.debug("{}: {}", key, detail, cause);
        }
        long now = nanoTime.getAsLong();
        Window w = windows.get(key);
        if (w == null) {
            Window fresh = new Window();
            w = windows.putIfAbsent(key, fresh);
            if (w == null) {
                fresh.total.incrementAndGet();
                fresh.lastWritten = now;
                log.warn("{}: {}{}", key, detail, cause == null ? "" : " (" + cause + ")");
                return;
            }
        }
        w.total.incrementAndGet();
        w.suppressed.incrementAndGet();
        long last = w.lastWritten;
        if (now - last >= intervalNanos) {
            synchronized (w) {
                if (w.lastWritten != last) {
                    return; // another thread wrote this interval's summary
                }
                w.lastWritten = now;
            }
            long n = w.suppressed.getAndSet(0);
            if (n > 0) {
                log.warn("{}: {} more in the last {} s ({} in all); latest: {}", key, n,
                        TimeUnit.NANOSECONDS.toSeconds(now - last), w.total.get(), detail);
            }
        }
    }

    /** Writes the count of every key that has occurrences not yet summarised. */
    public void flush() {
        windows.forEach((key, w) -> {
            long n = w.suppressed.getAndSet(0);
            if (n > 0) {
                log.warn("{}: {} more ({} in all)", key, n, w.total.get());
            }
        });
    }

    /** How often {@code key} occurred in all. */
    public long total(String key) {
        Window w = windows.get(key);
        return w == null ? 0 : w.total.get();
    }
}

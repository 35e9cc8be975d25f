package org.mtcgate.lab.cli;

import org.HdrHistogram.Histogram;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.trigger.DeviceActionRequest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Keeps up to N Device-Action requests in flight for a bounded time and count, measuring DAR→DAA latency. Used by
 * {@code scs load} and {@code bench e2e}; it stops by itself.
 *
 * <p>Unpaced, it sends whenever the window allows, which finds the maximum rate but makes latency mostly queueing
 * (in flight / rate). Paced, it sends at a fixed offered rate and measures each request from when it was due, so
 * a stall that delays sending is counted against the node (no coordinated omission).
 */
final class TspLoad {
    /** What a run measured. */
    record Result(long sent, double seconds, Histogram latency, Map<String, Long> outcomes) {
        double perSecond() {
            return sent / seconds;
        }

        void print(PrintWriter out, int inFlight) {
            out.printf("sent %,d Device-Action requests in %.2f s with %d in flight: %,.0f DAR/DAA per second%n",
                    sent, seconds, inFlight, perSecond());
            out.printf("DAR->DAA latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6,
                    latency.getMaxValue() / 1e6);
            outcomes.forEach((k, v) -> out.printf("  %,d x %s%n", v, k));
        }
    }

    private TspLoad() {
    }

    /**
     * @param requestFor  builds the request for the n-th send (n from 0)
     * @param progress    where to print a line a second, or null
     */
    static Result run(ScsClient client, int inFlight, Duration duration, long max, LongFunction<DeviceActionRequest> requestFor,
                      PrintWriter progress) throws InterruptedException {
        return run(client, inFlight, 0, duration, max, requestFor, progress);
    }

    /** @param perSecond offered rate; 0 sends as fast as the window allows */
    static Result run(ScsClient client, int inFlight, int perSecond, Duration duration, long max,
                      LongFunction<DeviceActionRequest> requestFor, PrintWriter progress) throws InterruptedException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(inFlight);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long sent = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long lastCount = 0;
        while (System.nanoTime() < deadline && sent < max) {
            if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            DeviceActionRequest r = requestFor.apply(sent);
            long t0 = perSecond > 0 ? dueAt(start, sent, perSecond) : System.nanoTime();
            client.send(r).whenComplete((daa, e) -> {
                long dt = System.nanoTime() - t0;
                synchronized (latency) {
                    latency.recordValue(Math.min(dt, latency.getHighestTrackableValue()));
                }
                outcomes.computeIfAbsent(describe(daa, e), k -> new LongAdder()).increment();
                window.release();
            });
            sent++;
            long now = System.nanoTime();
            if (progress != null && now >= nextReport) {
                progress.printf("%5.1f s: %,d sent, %,d/s%n", (now - start) / 1e9, sent, sent - lastCount);
                progress.flush();
                lastCount = sent;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
        }
        window.acquire(inFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        synchronized (latency) {
            return new Result(sent, elapsed, latency.copy(), counted);
        }
    }

    /** Waits (a pacing wait, not a synchronisation) until the n-th request is due; returns when it was due. */
    private static long dueAt(long start, long n, int perSecond) {
        long due = start + n * 1_000_000_000L / perSecond;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        return due;
    }

    private static String describe(DeviceActionAnswer daa, Throwable e) {
        return e != null ? "error: " + e.getClass().getSimpleName()
                : "Result-Code " + daa.resultCode() + " Request-Status " + daa.requestStatus();
    }
}

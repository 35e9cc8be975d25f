package org.mtcgate.lab.cli;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** Sends {@code count} SMs with a bounded number in flight and an optional rate, and tallies the outcomes. */
final class SimLoad {
    /** Outcome of a run: successes, failures by description, latency. */
    record Result(long ok, Map<String, Long> failures, Map<Long, Long> failuresByCode, double seconds,
                  Histogram latency) {
        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        String summary(String what) {
            StringBuilder sb = new StringBuilder();
            long total = ok + failed();
            sb.append(String.format("%d %s in %.2f s (%.0f/s): %d ok, %d failed", total, what, seconds,
                    total / Math.max(seconds, 1e-9), ok, failed()));
            if (latency.getTotalCount() > 0) {
                sb.append(String.format(", latency p50 %.2f ms p99 %.2f ms", latency.getValueAtPercentile(50) / 1e6,
                        latency.getValueAtPercentile(99) / 1e6));
            }
            failures.forEach((k, v) -> sb.append("; ").append(v).append(" x ").append(k));
            return sb.toString();
        }
    }

    private SimLoad() {
    }

    /**
     * {@code send} starts SM number i and returns a future with a one-line description of its success; a failed
     * future counts as a failure. Lines are printed unless {@code quiet}.
     */
    static Result run(int count, int inFlight, double perSecond, IntFunction<CompletableFuture<String>> send,
                      SimLines out, boolean quiet) throws InterruptedException {
        Semaphore window = new Semaphore(Math.max(1, inFlight));
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong ok = new AtomicLong();
        Map<String, Long> failures = new TreeMap<>();
        Map<Long, Long> byCode = new TreeMap<>();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
        long start = System.nanoTime();
        long intervalNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        for (int i = 0; i < count; i++) {
            if (intervalNanos > 0) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the sender, not synchronising with anything
                }
            }
            window.acquire();
            int n = i + 1;
            long sent = System.nanoTime();
            CompletableFuture<String> f;
            try {
                f = send.apply(n);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((line, failure) -> {
                long took = System.nanoTime() - sent;
                synchronized (latency) {
                    latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
                    if (failure == null) {
                        ok.incrementAndGet();
                    } else {
                        failures.merge(MapErrorNames.describe(failure), 1L, Long::sum);
                        byCode.merge(MapErrorNames.code(failure), 1L, Long::sum);
                    }
                }
                if (!quiet) {
                    out.line(String.format("SM %d: %s (%.1f ms)", n,
                            failure == null ? line : "FAILED: " + MapErrorNames.describe(failure), took / 1e6));
                }
                window.release();
                done.countDown();
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " SMs still open after 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (latency) {
            return new Result(ok.get(), Map.copyOf(failures), Map.copyOf(byCode), seconds, latency.copy());
        }
    }

    /** Exit status: 0 when every SM succeeded, or with {@code expectError} when every SM failed with that code. */
    static int status(Result r, Long expectError) {
        if (expectError == null) {
            return r.failed() == 0 ? 0 : 1;
        }
        return r.ok() == 0 && r.failuresByCode().getOrDefault(expectError, 0L) == r.failed() ? 0 : 1;
    }
}

package org.mtcgate.lab.cli;

import java.util.concurrent.TimeUnit;

/**
 * A count another thread can wait on, bounded: the benchmarks' SMs, reports and DNRs arrive on Netty, jSS7 and HTTP
 * server threads, and nothing says "that was the last one" but the count reaching what was sent.
 */
final class Tally {
    private long count;

    synchronized void add() {
        count++;
        notifyAll();
    }

    synchronized long value() {
        return count;
    }

    /** Waits until the count is at least {@code target} or {@code seconds} passed; returns the count then. */
    synchronized long awaitAtLeast(long target, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long left;
        while (count < target && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return count;
    }
}

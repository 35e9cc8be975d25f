package org.mtcgate.core.observe;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Carries trace lines to console sessions. Verdicts are made on Netty and jSS7 threads that must never wait for
 * an SSH client whose window is full, so lines are queued (bounded) and written by one thread of their own; when
 * the queue is full a line is dropped and counted instead of stalling the node.
 */
final class TraceWriter implements AutoCloseable {
    /**
     * One line for one trace of a session; {@code out} drops it if the trace has stopped meanwhile, and
     * {@code onGone} runs when the session's output has failed.
     */
    private record Line(Consumer<String> out, String text, Runnable onGone) {
    }

    private final BlockingQueue<Line> queue;
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;

    TraceWriter(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "console-trace");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a line; never blocks. */
    void offer(Consumer<String> out, String text, Runnable onGone) {
        if (!queue.offer(new Line(out, text, onGone))) {
            dropped.increment();
        }
    }

    /** Lines dropped because the sessions read more slowly than the node traced. */
    long dropped() {
        return dropped.sum();
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                write(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Line line) {
        try {
            line.out().accept(line.text());
        } catch (RuntimeException | java.io.IOError e) { // JLine reports a closed terminal with IOError
            line.onGone().run();
        }
    }

    @Override
    public void close() {
        writer.interrupt();
    }
}

package org.mtcgate.core.observe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "trace stopped" must be the last thing a console sees of a trace, even with a line being printed meanwhile. */
class TraceStopTest {

    @Test
    void stopWaitsForTheLineBeingPrintedAndDropsLaterOnes() throws Exception {
        CountDownLatch printing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> printed = new CopyOnWriteArrayList<>();
        NodeObserver.Trace trace = new NodeObserver.Trace("s1", "491701000002", w -> true, line -> {
            printing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            printed.add(line);
        });

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> trace.write("first"));
        assertTrue(printing.await(10, TimeUnit.SECONDS));
        Thread stopper = new Thread(trace::stop, "test-trace-off");
        stopper.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stopper.getState() != Thread.State.BLOCKED && stopper.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.BLOCKED, stopper.getState(), "stop must wait for the line being printed");
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());
        assertEquals(List.of("first"), printed, "the line in progress completes before stop returns");
        writer.get(10, TimeUnit.SECONDS);

        trace.write("after stop");
        assertEquals(List.of("first"), printed);
        assertTrue(trace.isOf("s1", null) && trace.isOf("s1", "491701000002") && !trace.isOf("s2", null));
    }
}

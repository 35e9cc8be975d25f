package org.mtcgate.diameter.peer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits until a node has counted an event a given number of times (no sleeping, no polling). */
public final class CounterLatch {
    private final CountDownLatch latch;

    private CounterLatch(Counters counters, Counter counter, int times) {
        latch = new CountDownLatch(times);
        counters.addListener(c -> {
            if (c == counter) {
                latch.countDown();
            }
        });
    }

    public static CounterLatch on(DiameterNode node, Counter counter, int times) {
        return new CounterLatch(node.counters(), counter, times);
    }

    public boolean await(Duration d) throws InterruptedException {
        return latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}

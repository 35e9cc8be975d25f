package org.mtcgate.diameter.interop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.Counters;

/** Waits until a node's counter has been incremented a number of times, without polling. */
final class CounterWait {
    private final CountDownLatch latch;

    private CounterWait(Counters counters, Counter counter, int times) {
        latch = new CountDownLatch(times);
        counters.addListener(c -> {
            if (c == counter) {
                latch.countDown();
            }
        });
    }

    /** Register before the event can happen. */
    static CounterWait on(Counters counters, Counter counter, int times) {
        return new CounterWait(counters, counter, times);
    }

    boolean await(Duration d) throws InterruptedException {
        return latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.mtcgate.diameter.peer;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-End Identifier source (RFC 6733 3): high 12 bits from the low bits of the start time,
 * low 20 bits random at start and then incremented, so ids stay unique across restarts.
 */
final class EndToEndIds {
    private final AtomicInteger next;

    EndToEndIds() {
        int high = (int) (System.currentTimeMillis() / 1000) << 20;
        next = new AtomicInteger(high | ThreadLocalRandom.current().nextInt(1 << 20));
    }

    int next() {
        return next.getAndIncrement();
    }
}

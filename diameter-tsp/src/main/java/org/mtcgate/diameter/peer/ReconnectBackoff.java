package org.mtcgate.diameter.peer;

import java.time.Duration;

/** Exponential back-off between connection attempts (RFC 6733 2.1 / RFC 3539 3.4.1: do not hammer a peer). */
final class ReconnectBackoff {
    private final Duration min;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    synchronized Duration nextDelay() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    synchronized void reset() {
        next = min;
    }
}

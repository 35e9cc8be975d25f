package org.mtcgate.core.capture;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every capture since the node started did with the messages offered to it, for the metrics: a capture's own
 * counts end with it, an operator's dashboard should not.
 */
final class CaptureTotals {
    final LongAdder written = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder tooLarge = new LongAdder();

    /** By outcome: {@code written} (packets in a file), {@code dropped} (queue full), {@code too-large} (not framed). */
    Map<String, Long> byOutcome() {
        return Map.of("written", written.sum(), "dropped", dropped.sum(), "too-large", tooLarge.sum());
    }
}

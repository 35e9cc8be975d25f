package org.mtcgate.filter;

/** The clocks the filter reads; tests drive a manual one instead of sleeping. */
public interface TimeSource {
    /** Monotonic nanoseconds, for rate limits. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, for quota periods aligned to the calendar. */
    long currentTimeMillis();

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };
}

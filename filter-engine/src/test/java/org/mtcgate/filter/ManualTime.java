package org.mtcgate.filter;

/** A clock the test moves by hand, so rate and quota tests never sleep. */
public final class ManualTime implements TimeSource {
    private long nanos = 1_000_000_000L;
    private long millis = 1_700_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return millis;
    }

    public void advanceNanos(long n) {
        nanos += n;
        millis += n / 1_000_000;
    }

    public void advanceMillis(long n) {
        nanos += n * 1_000_000;
        millis += n;
    }
}

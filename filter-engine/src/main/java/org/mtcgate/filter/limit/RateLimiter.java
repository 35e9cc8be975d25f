package org.mtcgate.filter.limit;

/** A sender's rate state: takes one item if its rate allows it now. */
public interface RateLimiter {
    RateLimit limit();

    /** Takes one token if there is one. */
    boolean tryAcquire(long nowNanos);

    /** Whether a token is there now, without taking it (for explanations). */
    boolean wouldAcquire(long nowNanos);
}

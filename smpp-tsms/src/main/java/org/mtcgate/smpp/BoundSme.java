package org.mtcgate.smpp;

import org.jsmpp.session.SMPPServerSession;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.RateLimit;
import org.mtcgate.filter.limit.TokenBucket;

/** One bound session: the SME it authenticated as, the bind type, where it came from, and its own throttle. */
final class BoundSme {
    private final SmeAccount account;
    private final BindKind kind;
    private final String peer;
    private final SMPPServerSession session;
    private final TokenBucket throttle;
    private final TimeSource time;

    BoundSme(SmeAccount account, BindKind kind, String peer, SMPPServerSession session, TimeSource time) {
        this.account = account;
        this.kind = kind;
        this.peer = peer;
        this.session = session;
        this.time = time;
        // A bucket of one second's worth: a bind may send its rate in a burst, never more in a second.
        this.throttle = new TokenBucket(new RateLimit(account.submitsPerSecond(), account.submitsPerSecond()), time.nanoTime());
    }

    SmeAccount account() {
        return account;
    }

    BindKind kind() {
        return kind;
    }

    String peer() {
        return peer;
    }

    SMPPServerSession session() {
        return session;
    }

    /** Takes one submit from this bind's allowance; false when it is used up for now. */
    boolean trySubmit() {
        return throttle.tryAcquire(time.nanoTime());
    }
}

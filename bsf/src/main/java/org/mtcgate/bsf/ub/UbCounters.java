package org.mtcgate.bsf.ub;

import java.util.concurrent.atomic.LongAdder;

/** What Ub has seen, for the console and the metrics. */
public final class UbCounters {
    final LongAdder requests = new LongAdder();
    final LongAdder challenges = new LongAdder();
    final LongAdder resyncs = new LongAdder();
    final LongAdder bootstrapped = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder limited = new LongAdder();
    final LongAdder busy = new LongAdder();

    /** 429: a source or an IMPI over its flood limit. */
    public long limited() {
        return limited.sum();
    }

    /** 503 with Retry-After: the BSF at its vector rate or its bound on challenges or tracked clients. */
    public long busy() {
        return busy.sum();
    }

    /** HTTP requests on Ub, whatever became of them. */
    public long requests() {
        return requests.sum();
    }

    /** 401 challenges sent (a resynchronisation's new challenge included). */
    public long challenges() {
        return challenges.sum();
    }

    /** Answers that carried AUTS. */
    public long resyncs() {
        return resyncs.sum();
    }

    /** Bootstrapping runs completed (200 with a B-TID). */
    public long bootstrapped() {
        return bootstrapped.sum();
    }

    /** 403: unknown subscriber, wrong response, AUTS refused by the HSS. */
    public long refused() {
        return refused.sum();
    }

    /** 400, 405, 413: requests that are no Ub request. */
    public long badRequests() {
        return badRequests.sum();
    }

    /** 503: no vector could be had. */
    public long failures() {
        return failures.sum();
    }

    @Override
    public String toString() {
        return "requests=" + requests() + " challenges=" + challenges() + " resyncs=" + resyncs() + " bootstrapped="
                + bootstrapped() + " refused=" + refused() + " bad=" + badRequests() + " failed=" + failures()
                + " limited=" + limited() + " busy=" + busy();
    }
}

package org.mtcgate.map.router;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.map.dialog.ProtocolError;

/** Keeps what the router reported, in order, for the tests to take with a bounded wait. */
final class RecordingObserver implements RouterObserver {
    record Forwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
    }

    record Blocked(InboundItem item, Verdict verdict) {
    }

    record Error(ProtocolError error, String detail) {
    }

    final LinkedBlockingQueue<Correlation> correlations = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Forwarded> forwarded = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Blocked> blocked = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Error> errors = new LinkedBlockingQueue<>();

    @Override
    public void correlationCreated(Correlation correlation) {
        correlations.add(correlation);
    }

    @Override
    public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
        forwarded.add(new Forwarded(item, verdict, outcome));
    }

    @Override
    public void smBlocked(InboundItem item, Verdict verdict) {
        blocked.add(new Blocked(item, verdict));
    }

    @Override
    public void protocolError(ProtocolError error, String detail) {
        errors.add(new Error(error, detail));
    }

    void clear() {
        correlations.clear();
        forwarded.clear();
        blocked.clear();
        errors.clear();
    }

    static <T> T next(LinkedBlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("the router reported nothing within 10 s");
        }
        return item;
    }
}

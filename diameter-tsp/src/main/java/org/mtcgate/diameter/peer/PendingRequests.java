package org.mtcgate.diameter.peer;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * Requests sent on one connection and waiting for their answer, keyed by Hop-by-Hop Identifier
 * (RFC 6733 6.2: answers are matched on it). Used only from the connection's event loop.
 */
final class PendingRequests {
    private record Pending(CompletableFuture<DiameterMessage> future, ScheduledFuture<?> timeout) {
    }

    private final EventLoop loop;
    private final Map<Integer, Pending> byHopByHop = new HashMap<>();
    private int nextHopByHop;

    PendingRequests(EventLoop loop, int firstHopByHop) {
        this.loop = loop;
        this.nextHopByHop = firstHopByHop;
    }

    int nextHopByHop() {
        return nextHopByHop++;
    }

    void add(int hopByHop, CompletableFuture<DiameterMessage> future, Duration timeout, Runnable onTimeout) {
        ScheduledFuture<?> t = loop.schedule(() -> {
            Pending p = byHopByHop.remove(hopByHop);
            if (p != null) {
                onTimeout.run();
                p.future.completeExceptionally(new DiameterRequestException(
                        DiameterRequestException.Reason.TIMEOUT, "no answer within " + timeout));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        byHopByHop.put(hopByHop, new Pending(future, t));
    }

    /** @return false when no request with this Hop-by-Hop id is pending (answer to discard). */
    boolean complete(DiameterMessage answer) {
        Pending p = byHopByHop.remove(answer.hopByHopId());
        if (p == null) {
            return false;
        }
        p.timeout.cancel(false);
        p.future.complete(answer);
        return true;
    }

    void fail(int hopByHop, DiameterRequestException e) {
        Pending p = byHopByHop.remove(hopByHop);
        if (p != null) {
            p.timeout.cancel(false);
            p.future.completeExceptionally(e);
        }
    }

    void failAll(DiameterRequestException e) {
        List<Pending> all = new ArrayList<>(byHopByHop.values());
        byHopByHop.clear();
        for (Pending p : all) {
            p.timeout.cancel(false);
            p.future.completeExceptionally(e);
        }
    }
}

package org.mtcgate.map.dialog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open incoming dialogs per peer and in all, against {@link DialogLimits}. The check and the count are
 * separate steps (a TC-BEGIN is checked before TCAP makes its dialog, counted once it exists), so concurrent
 * delivery threads may overshoot a limit by at most their number.
 */
final class DialogCaps {
    private final DialogLimits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perPeer = new ConcurrentHashMap<>();

    DialogCaps(DialogLimits limits) {
        this.limits = limits;
    }

    /** The refusal a new dialog from {@code peer} gets now, or null when it may open. */
    ProtocolError admit(String peer) {
        AtomicInteger mine = perPeer.get(peer);
        if (mine != null && mine.get() >= limits.maxIncomingPerPeer()) {
            return ProtocolError.DIALOG_LIMIT_PEER;
        }
        return total.get() >= limits.maxIncoming() ? ProtocolError.DIALOG_LIMIT_TOTAL : null;
    }

    void opened(String peer) {
        total.incrementAndGet();
        perPeer.computeIfAbsent(peer, p -> new AtomicInteger()).incrementAndGet();
    }

    void closed(String peer) {
        total.decrementAndGet();
        AtomicInteger mine = perPeer.get(peer);
        if (mine != null) {
            mine.decrementAndGet();
        }
    }

    int open() {
        return total.get();
    }

    int open(String peer) {
        AtomicInteger mine = perPeer.get(peer);
        return mine == null ? 0 : mine.get();
    }

    DialogLimits limits() {
        return limits;
    }
}

package org.mtcgate.diameter.peer;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mtcgate.diameter.codec.CompactMessage;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * Duplicate request detection (RFC 6733 6.5): a request is identified by its End-to-End Identifier
 * together with its Origin-Host, which {@link PeerConnection} has bound to the authenticated peer and passes
 * as the key, so no peer can reach another's entries. The answer given the first time is kept for a window
 * and sent again for a duplicate, so the application handles each request once.
 *
 * <p>At thousands of requests per second the window holds hundreds of thousands of answers, all of which
 * outlive a young collection; they are kept encoded ({@link CompactMessage}), a few objects per request.
 */
final class DuplicateCache {
    private record Key(String originHost, int endToEnd) {
    }

    /** One remembered request: pending until {@link #answered}, then its answer. */
    static final class Entry {
        private final long createdNanos;
        private CompactMessage answer; // guarded by this
        private Consumer<DiameterMessage> waiting; // guarded by this: duplicates that came while pending

        private Entry(long createdNanos) {
            this.createdNanos = createdNanos;
        }

        /** Records the answer sent for the request, and gives it to duplicates that came meanwhile. */
        void answered(DiameterMessage a) {
            CompactMessage kept = CompactMessage.of(a);
            Consumer<DiameterMessage> w;
            synchronized (this) {
                answer = kept;
                w = waiting;
                waiting = null;
            }
            if (w != null) {
                w.accept(a);
            }
        }

        private void whenAnswered(Consumer<DiameterMessage> resend) {
            CompactMessage a;
            synchronized (this) {
                a = answer;
                if (a == null) {
                    waiting = waiting == null ? resend : waiting.andThen(resend);
                    return;
                }
            }
            resend.accept(a.withHopByHop(0));
        }
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Bound on memory: beyond this many remembered requests, new ones are not remembered. */
    static final int MAX_ENTRIES = 200_000;

    private final long windowNanos;

    DuplicateCache(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Registers a request. Returns its entry, which the caller answers, when it is new; returns {@code null} for
     * a duplicate, whose earlier answer goes to {@code resend} (now, or when it is given). The caller sets the
     * Hop-by-Hop Identifier of what it resends.
     */
    Entry register(String originHost, int endToEnd, Consumer<DiameterMessage> resend) {
        Key key = new Key(originHost.toLowerCase(Locale.ROOT), endToEnd);
        long now = System.nanoTime();
        Entry fresh = new Entry(now);
        if (entries.size() >= MAX_ENTRIES) {
            // Under a flood, handling a rare duplicate twice is better than unbounded memory.
            Entry e = entries.get(key);
            if (e != null && now - e.createdNanos <= windowNanos) {
                e.whenAnswered(resend);
                return null;
            }
            return fresh;
        }
        Entry existing = entries.putIfAbsent(key, fresh);
        if (existing == null) {
            return fresh;
        }
        if (now - existing.createdNanos > windowNanos) {
            entries.put(key, fresh);
            return fresh;
        }
        existing.whenAnswered(resend);
        return null;
    }

    /** Drops entries older than the window; called periodically by the node. */
    void expire() {
        long now = System.nanoTime();
        entries.values().removeIf(e -> now - e.createdNanos > windowNanos);
    }

    int size() {
        return entries.size();
    }
}

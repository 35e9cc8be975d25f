package org.mtcgate.diameter.peer;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * Duplicate request detection (RFC 6733 6.5): a request is identified by its End-to-End Identifier
 * together with its Origin-Host. The answer given the first time is kept for a window and sent
 * again for a duplicate, so the application handles each request once.
 */
final class DuplicateCache {
    private record Key(String originHost, int endToEnd) {
    }

    private record Entry(long createdNanos, CompletableFuture<DiameterMessage> answer) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Bound on memory: beyond this many remembered requests, new ones are not remembered. */
    static final int MAX_ENTRIES = 200_000;

    private final long windowNanos;

    DuplicateCache(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Registers a new request. Returns the earlier answer's future when this is a duplicate, or
     * empty when the caller must handle the request and complete {@code answer}.
     */
    Optional<CompletableFuture<DiameterMessage>> register(String originHost, int endToEnd,
                                                          CompletableFuture<DiameterMessage> answer) {
        Key key = new Key(originHost.toLowerCase(Locale.ROOT), endToEnd);
        long now = System.nanoTime();
        Entry fresh = new Entry(now, answer);
        if (entries.size() >= MAX_ENTRIES) {
            // Under a flood, handling a rare duplicate twice is better than unbounded memory.
            Entry e = entries.get(key);
            return e != null && now - e.createdNanos <= windowNanos ? Optional.of(e.answer) : Optional.empty();
        }
        Entry existing = entries.putIfAbsent(key, fresh);
        if (existing == null) {
            return Optional.empty();
        }
        if (now - existing.createdNanos > windowNanos) {
            entries.put(key, fresh);
            return Optional.empty();
        }
        return Optional.of(existing.answer);
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

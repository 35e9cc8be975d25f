package org.mtcgate.diameter.peer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open connections by peer DiameterIdentity, and realm-based selection among them (RFC 6733 2.7
 * peer table and 6.1.4 realm routing, reduced to "deliver to a peer of the destination realm").
 */
final class PeerTable {
    private final Map<String, PeerConnection> byHost = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> openWaiters = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicInteger dialling = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> anyOpen = new AtomicReference<>(new CompletableFuture<>());

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /**
     * Registers an open connection. A newer connection to the same peer replaces the older one (which
     * is closed), except that of two crossing connections only the election winner (RFC 6733 5.6.4)
     * is kept: returns false when {@code c} lost. Synchronised because the two crossing connections
     * open on different event loops.
     */
    synchronized boolean register(PeerConnection c) {
        String key = key(c.peerHost());
        PeerConnection old = byHost.get(key);
        if (old != null && old != c && old.isOpen() && !c.winsAgainst(old, c.peerHost())) {
            return false;
        }
        byHost.put(key, c);
        if (old != null && old != c) {
            old.close();
        }
        openWaiters.computeIfAbsent(key(c.peerHost()), k -> new CompletableFuture<>()).complete(null);
        anyOpen.getAndSet(new CompletableFuture<>()).complete(null);
        return true;
    }

    /** A connection this node dialled is in CER/CEA (or in-band TLS): a route may appear shortly. */
    void diallingStarted() {
        dialling.incrementAndGet();
    }

    void diallingEnded() {
        dialling.decrementAndGet();
    }

    boolean dialling() {
        return dialling.get() > 0;
    }

    /** Completes when the next connection, to any peer, is registered as open. */
    CompletableFuture<Void> nextOpen() {
        return anyOpen.get();
    }

    synchronized void remove(PeerConnection c) {
        if (c.peerHost() != null) {
            byHost.remove(key(c.peerHost()), c);
            openWaiters.computeIfPresent(key(c.peerHost()), (k, f) -> f.isDone() ? null : f);
        }
    }

    Optional<PeerConnection> byHost(String host) {
        return Optional.ofNullable(byHost.get(key(host))).filter(PeerConnection::isOpen);
    }

    Optional<PeerConnection> byRealm(String realm, PeerConnection exclude) {
        List<PeerConnection> candidates = byHost.values().stream()
                .filter(PeerConnection::isOpen)
                .filter(c -> c != exclude && realm.equalsIgnoreCase(c.peerRealm()))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size())));
    }

    CompletableFuture<Void> whenOpen(String host) {
        PeerConnection c = byHost.get(key(host));
        if (c != null && c.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return openWaiters.computeIfAbsent(key(host), k -> new CompletableFuture<>());
    }

    List<PeerConnection> all() {
        return List.copyOf(byHost.values());
    }
}

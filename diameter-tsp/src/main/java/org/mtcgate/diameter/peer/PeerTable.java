package org.mtcgate.diameter.peer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections by peer DiameterIdentity, and realm-based selection among them (RFC 6733 2.7
 * peer table and 6.1.4 realm routing, reduced to "deliver to a peer of the destination realm").
 */
final class PeerTable {
    private final Map<String, PeerConnection> byHost = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> openWaiters = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** A newer connection to the same peer replaces the older one (which is closed). */
    void register(PeerConnection c) {
        PeerConnection old = byHost.put(key(c.peerHost()), c);
        if (old != null && old != c) {
            old.close();
        }
        openWaiters.computeIfAbsent(key(c.peerHost()), k -> new CompletableFuture<>()).complete(null);
    }

    void remove(PeerConnection c) {
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

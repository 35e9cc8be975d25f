package org.mtcgate.bsf;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.aka.AuthenticationVector;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Challenges sent and not yet answered, by RAND: each is taken at most once (a replayed answer finds nothing),
 * forgotten after {@code timeout}, and at most {@code capacity} are held (the oldest go first), so that a flood
 * of first requests cannot grow the BSF without bound.
 */
final class PendingChallenges {
    record Pending(Impi impi, AuthenticationVector vector, Instant expiresAt) {
    }

    private final int capacity;
    private final Duration timeout;
    private final LinkedHashMap<Rand, Pending> byRand = new LinkedHashMap<>();

    PendingChallenges(int capacity, Duration timeout) {
        this.capacity = capacity;
        this.timeout = timeout;
    }

    synchronized void add(Impi impi, AuthenticationVector vector, Instant now) {
        if (byRand.size() >= capacity) {
            sweep(now);
        }
        if (byRand.size() >= capacity) {
            Iterator<Pending> oldest = byRand.values().iterator();
            oldest.next();
            oldest.remove();
        }
        byRand.put(vector.rand(), new Pending(impi, vector, now.plus(timeout)));
    }

    /** Takes the challenge of this RAND if it was sent to this IMPI and has not timed out; else empty. */
    synchronized Optional<Pending> take(Impi impi, Rand rand, Instant now) {
        Pending p = byRand.get(rand);
        if (p == null || !p.impi().equals(impi)) {
            return Optional.empty();
        }
        byRand.remove(rand);
        return now.isBefore(p.expiresAt()) ? Optional.of(p) : Optional.empty();
    }

    synchronized void sweep(Instant now) {
        byRand.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }

    synchronized int size() {
        return byRand.size();
    }
}

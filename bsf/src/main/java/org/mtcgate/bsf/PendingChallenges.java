package org.mtcgate.bsf;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.aka.AuthenticationVector;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Challenges sent and not yet answered, by RAND: each is taken at most once (a replayed answer finds nothing),
 * forgotten after {@code timeout}, and at most {@code capacity} are held, so that a flood of first requests cannot
 * grow the BSF without bound. The newest challenge of each IMPI can be found again, so that a repeated first
 * request is answered with it instead of with a fresh vector (which would advance SEQ_HE at the HSS).
 */
final class PendingChallenges {
    record Pending(Impi impi, AuthenticationVector vector, Instant expiresAt) {
    }

    private final int capacity;
    private final Duration timeout;
    private final LinkedHashMap<Rand, Pending> byRand = new LinkedHashMap<>();
    private final Map<Impi, Rand> newestByImpi = new HashMap<>();
    private boolean full;

    PendingChallenges(int capacity, Duration timeout) {
        this.capacity = capacity;
        this.timeout = timeout;
    }

    synchronized void add(Impi impi, AuthenticationVector vector, Instant now) {
        if (byRand.size() >= capacity) {
            sweep(now);
        }
        if (byRand.size() >= capacity) {
            // only when requests raced past hasRoom: the bound holds all the same
            Iterator<Pending> oldest = byRand.values().iterator();
            forget(oldest.next());
            oldest.remove();
        }
        byRand.put(vector.rand(), new Pending(impi, vector, now.plus(timeout)));
        newestByImpi.put(impi, vector.rand());
    }

    /**
     * The IMPI's newest challenge if at least half its lifetime is left (so that the UE's answer still finds it);
     * it stays pending.
     */
    synchronized Optional<Pending> reusable(Impi impi, Instant now) {
        Rand rand = newestByImpi.get(impi);
        Pending p = rand == null ? null : byRand.get(rand);
        if (p == null || now.plus(timeout.dividedBy(2)).isAfter(p.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /**
     * Whether one more challenge may be held (timed-out ones are dropped to make room); {@code first} of the
     * returned answer marks the first refusal since there was room.
     */
    synchronized Room room(Instant now) {
        if (byRand.size() >= capacity) {
            sweep(now);
        }
        if (byRand.size() < capacity) {
            full = false;
            return new Room(true, false, Duration.ZERO);
        }
        boolean first = !full;
        full = true;
        Pending oldest = byRand.values().iterator().next();
        return new Room(false, first, Duration.between(now, oldest.expiresAt()));
    }

    record Room(boolean free, boolean first, Duration until) {
    }

    /** Takes the challenge of this RAND if it was sent to this IMPI and has not timed out; else empty. */
    synchronized Optional<Pending> take(Impi impi, Rand rand, Instant now) {
        Pending p = byRand.get(rand);
        if (p == null || !p.impi().equals(impi)) {
            return Optional.empty();
        }
        byRand.remove(rand);
        forget(p);
        return now.isBefore(p.expiresAt()) ? Optional.of(p) : Optional.empty();
    }

    synchronized void sweep(Instant now) {
        for (Iterator<Pending> i = byRand.values().iterator(); i.hasNext(); ) {
            Pending p = i.next();
            if (!now.isBefore(p.expiresAt())) {
                forget(p);
                i.remove();
            }
        }
    }

    private void forget(Pending p) {
        newestByImpi.remove(p.impi(), p.vector().rand());
    }

    synchronized int size() {
        return byRand.size();
    }
}

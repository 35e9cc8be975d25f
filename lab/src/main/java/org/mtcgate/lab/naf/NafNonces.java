package org.mtcgate.lab.naf;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The Digest nonces this NAF issued (RFC 7616 3.3, 5.4): random, valid for {@code lifetime}, at most
 * {@code capacity} held (the oldest go first). Each remembers the highest nc a verified request used with it, so a
 * request whose nc is not above it is a replay (RFC 7616 3.4: nc counts the requests sent with one nonce).
 */
final class NafNonces {
    /** What a nonce and nc came to. */
    enum Check {
        FRESH, UNKNOWN, EXPIRED, REPLAYED
    }

    private static final class Issued {
        final Instant expiresAt;
        long highestNc;

        Issued(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    private final int capacity;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Issued> issued = new LinkedHashMap<>();

    NafNonces(int capacity, Duration lifetime, Clock clock) {
        this.capacity = capacity;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    synchronized String issue() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        String nonce = Base64.getEncoder().encodeToString(b);
        Instant now = clock.instant();
        issued.values().removeIf(i -> !now.isBefore(i.expiresAt));
        if (issued.size() >= capacity) {
            Iterator<Issued> oldest = issued.values().iterator();
            oldest.next();
            oldest.remove();
        }
        issued.put(nonce, new Issued(now.plus(lifetime)));
        return nonce;
    }

    /** Whether {@code nc} may be used with {@code nonce} now; nothing is recorded (see {@link #used}). */
    synchronized Check check(String nonce, long nc) {
        Issued i = issued.get(nonce);
        if (i == null) {
            return Check.UNKNOWN;
        }
        if (!clock.instant().isBefore(i.expiresAt)) {
            return Check.EXPIRED;
        }
        return nc > i.highestNc ? Check.FRESH : Check.REPLAYED;
    }

    /**
     * Records a verified request's nc, so it cannot be used again; false when a request with that nc or a higher
     * one was recorded meanwhile (two copies of one request verified at once: the second is the replay).
     */
    synchronized boolean used(String nonce, long nc) {
        Issued i = issued.get(nonce);
        if (i == null || nc <= i.highestNc) {
            return false;
        }
        i.highestNc = nc;
        return true;
    }
}

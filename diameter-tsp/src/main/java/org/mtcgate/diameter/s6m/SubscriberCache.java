package org.mtcgate.diameter.s6m;

import org.mtcgate.filter.trigger.SubscriberLookup;
import org.mtcgate.filter.trigger.UeName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Successful S6m answers per (UE, SCS), kept for a fixed time (TS 23.682 5.2.1 step 4: the MTC-IWF may cache
 * the HSS's authorisation and routing data). Bounded: the least recently used entry goes first. Refusals are
 * not cached, so a UE just provisioned is found on the next try.
 */
public final class SubscriberCache {
    private record Key(UeName ue, String scsIdentity) {
    }

    private record Entry(SubscriberLookup lookup, Instant expires) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries;

    /** @param ttl how long an answer is reused; zero turns the cache off */
    public SubscriberCache(Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("cache TTL and size must not be negative");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > SubscriberCache.this.maxEntries;
            }
        };
    }

    public synchronized Optional<SubscriberLookup> get(UeName ue, String scsIdentity) {
        Key key = new Key(ue, scsIdentity);
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.lookup());
    }

    public synchronized void put(UeName ue, String scsIdentity, SubscriberLookup lookup) {
        if (!lookup.isFound() || ttl.isZero() || maxEntries == 0) {
            return;
        }
        entries.put(new Key(ue, scsIdentity), new Entry(lookup, clock.instant().plus(ttl)));
    }

    public synchronized int size() {
        return entries.size();
    }
}

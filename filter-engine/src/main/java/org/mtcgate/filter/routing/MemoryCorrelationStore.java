package org.mtcgate.filter.routing;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded correlation store: a bounded map in memory. Correlations live seconds to minutes and a lost one
 * only makes the SMSC retry, so they need not survive a restart. The bound keeps a flood of SRI-for-SM from
 * exhausting memory: when full, new correlations are refused.
 */
public final class MemoryCorrelationStore implements CorrelationStore {
    private final Map<CorrelationId, Correlation> entries = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public MemoryCorrelationStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public boolean put(Correlation correlation) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        if (entries.putIfAbsent(correlation.id(), correlation) != null) {
            size.decrementAndGet();
            return false;
        }
        return true;
    }

    @Override
    public Optional<Correlation> find(CorrelationId id, Instant now) {
        Correlation c = entries.get(id);
        if (c == null) {
            return Optional.empty();
        }
        if (!c.expiresAt().isAfter(now)) {
            if (entries.remove(id, c)) {
                size.decrementAndGet();
            }
            return Optional.empty();
        }
        return Optional.of(c);
    }

    @Override
    public int expire(Instant now) {
        int n = 0;
        for (Iterator<Correlation> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
                size.decrementAndGet();
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean hasRoom() {
        return size.get() < capacity;
    }

    @Override
    public int size() {
        return size.get();
    }
}

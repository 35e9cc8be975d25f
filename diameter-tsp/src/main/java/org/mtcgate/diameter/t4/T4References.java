package org.mtcgate.diameter.t4;

import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The MTC-IWF's T4 Reference-Numbers. An SCS's Reference-Number is unique only for that SCS (TS 29.368 5.2),
 * so it cannot name a trigger towards an SMS-SC that serves every SCS: the MTC-IWF allocates its own 32-bit
 * T4 reference per submitted trigger and keeps the pair until the DRR (TS 29.337 6.2.5) comes back, the
 * trigger is recalled or replaced, or its validity plus a grace period has passed. Bounded: when full of live
 * triggers, allocation fails and the trigger is refused with a temporary error rather than forgetting one.
 *
 * <p>In memory: after a restart, DRRs for triggers submitted before it are answered as unknown references.
 */
public final class T4References {
    /**
     * What a T4 reference stands for.
     *
     * @param smsScHost the Origin-Host of the SMS-SC that accepted the DTR, or null until its DTA came; only
     *                  that SMS-SC may report on the trigger
     */
    public record Entry(long reference, TriggerId trigger, Imsi imsi, Instant keepUntil, String smsScHost) {
        @Override
        public String toString() {
            return "T4 reference " + reference + " = " + trigger + " (IMSI " + imsi.masked() + ")";
        }
    }

    private final int maxEntries;
    private final Duration grace;
    private final Clock clock;
    private final Map<Long, Entry> byReference = new HashMap<>();
    private final Map<TriggerId, Long> byTrigger = new HashMap<>();
    private long next;

    /**
     * @param maxEntries at most this many triggers awaiting a report
     * @param grace      how long after a trigger's validity a late DRR is still matched
     */
    public T4References(int maxEntries, Duration grace, Clock clock) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.grace = grace;
        this.clock = clock;
        // Start from the clock so that references after a restart are unlikely to repeat recent ones.
        this.next = clock.millis() & 0xFFFF_FFFFL;
    }

    /** A fresh reference for the trigger, or empty when the table is full of live triggers. */
    public synchronized Optional<Long> allocate(DeviceTrigger trigger) {
        Long existing = byTrigger.get(trigger.id());
        if (existing != null) {
            return Optional.of(existing);
        }
        if (byReference.size() >= maxEntries) {
            purgeExpired();
            if (byReference.size() >= maxEntries) {
                return Optional.empty();
            }
        }
        long ref;
        do {
            ref = next;
            next = (next + 1) & 0xFFFF_FFFFL;
        } while (byReference.containsKey(ref));
        byReference.put(ref, new Entry(ref, trigger.id(), trigger.subscriber().imsi(), trigger.expiresAt().plus(grace), null));
        byTrigger.put(trigger.id(), ref);
        return Optional.of(ref);
    }

    public synchronized Optional<Entry> byReference(long reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /**
     * The pending entries for this IMSI that this SMS-SC accepted (or whose DTA has not come yet): how a DRR
     * without Reference-Number (optional in TS 29.337 6.2.5) is matched. A scan, not an index: only a configured
     * SMS-SC can send DRRs, and reference-less ones are the exception.
     */
    public synchronized java.util.List<Entry> pendingFor(Imsi imsi, String smsScHost) {
        java.util.List<Entry> out = new java.util.ArrayList<>(1);
        for (Entry e : byReference.values()) {
            if (e.imsi().equals(imsi) && (e.smsScHost() == null || e.smsScHost().equalsIgnoreCase(smsScHost))) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized Optional<Long> referenceOf(TriggerId trigger) {
        return Optional.ofNullable(byTrigger.get(trigger));
    }

    /** Records which SMS-SC accepted the trigger under this reference (the DTA's Origin-Host). */
    public synchronized void acceptedBy(long reference, String smsScHost) {
        byReference.computeIfPresent(reference, (r, e) -> new Entry(r, e.trigger(), e.imsi(), e.keepUntil(), smsScHost));
    }

    public synchronized void release(long reference) {
        Entry e = byReference.remove(reference);
        if (e != null) {
            byTrigger.remove(e.trigger());
        }
    }

    public synchronized int size() {
        return byReference.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Entry> it = byReference.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.keepUntil().isBefore(now)) {
                it.remove();
                byTrigger.remove(e.trigger());
            }
        }
    }
}

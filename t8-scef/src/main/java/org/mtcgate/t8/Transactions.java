package org.mtcgate.t8;

import org.mtcgate.filter.trigger.TriggerId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transactions of every SCS/AS, in memory (a restart forgets them: the MTC-IWF keeps the triggers, and their
 * delivery reports then have no destination and are counted as dropped). Bounded; swept when kept long enough.
 */
final class Transactions {
    private final Map<String, Transaction> byKey = new ConcurrentHashMap<>();
    private final Map<TriggerId, String> byTrigger = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int max;

    Transactions(int max) {
        this.max = max;
    }

    /** False when full. */
    boolean add(Transaction t) {
        if (size.incrementAndGet() > max) {
            size.decrementAndGet();
            return false;
        }
        byKey.put(key(t.scsAsId(), t.id()), t);
        byTrigger.put(t.trigger(), key(t.scsAsId(), t.id()));
        return true;
    }

    Optional<Transaction> find(String scsAsId, String id) {
        return Optional.ofNullable(byKey.get(key(scsAsId, id)));
    }

    Optional<Transaction> byTrigger(TriggerId trigger) {
        String key = byTrigger.get(trigger);
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    List<Transaction> of(String scsAsId) {
        return byKey.values().stream().filter(t -> t.scsAsId().equals(scsAsId))
                .sorted(Comparator.comparing(Transaction::id)).toList();
    }

    /** Puts the new state of a transaction; a new trigger (replace) is found under both its old and new names. */
    void update(Transaction t) {
        byKey.put(key(t.scsAsId(), t.id()), t);
        byTrigger.put(t.trigger(), key(t.scsAsId(), t.id()));
    }

    /** Lets a trigger about to stand for {@code t} (a replacement) find it before the MTC-IWF has answered. */
    void alias(TriggerId trigger, Transaction t) {
        byTrigger.put(trigger, key(t.scsAsId(), t.id()));
    }

    void unalias(TriggerId trigger) {
        byTrigger.remove(trigger);
    }

    /** After a replace: the transaction now stands for its new trigger only. */
    void replace(Transaction replaced, TriggerId old) {
        update(replaced);
        if (!old.equals(replaced.trigger())) {
            byTrigger.remove(old);
        }
    }

    /** Forgets a transaction; its trigger (only the current one is indexed: a replace unaliases the old) goes too. */
    void remove(Transaction t) {
        String key = key(t.scsAsId(), t.id());
        Transaction gone = byKey.remove(key);
        if (gone != null) {
            size.decrementAndGet();
            byTrigger.remove(gone.trigger(), key);
        }
        byTrigger.remove(t.trigger(), key);
    }

    /** Forgets transactions kept long enough; returns how many. */
    int sweep(Instant now) {
        int n = 0;
        for (Transaction t : byKey.values()) {
            if (t.keepUntil().isBefore(now)) {
                remove(t);
                n++;
            }
        }
        return n;
    }

    int size() {
        return size.get();
    }

    private static String key(String scsAsId, String id) {
        return scsAsId + "/" + id;
    }
}

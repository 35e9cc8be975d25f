package org.mtcgate.t8;

import org.mtcgate.filter.store.MemoryRecordStore;
import org.mtcgate.filter.store.RecordStore;
import org.mtcgate.filter.trigger.TriggerId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transactions of every SCS/AS: indexed in memory, every change also written to a {@link RecordStore}, so a
 * restart keeps them (and their pending delivery reports). Changes are made under one lock together with queueing their
 * write, so the store sees them in the order the table does. Bounded; swept when kept long enough.
 */
final class Transactions {
    private final Map<String, Transaction> byKey = new ConcurrentHashMap<>();
    private final Map<TriggerId, String> byTrigger = new ConcurrentHashMap<>();
    private final RecordStore store;
    private final int max;

    /** In memory only. */
    Transactions(int max) {
        this(max, new MemoryRecordStore());
    }

    /**
     * With what {@code store} recovered.
     *
     * @throws IllegalArgumentException naming the record that cannot be read
     */
    Transactions(int max, RecordStore store) {
        this.max = max;
        this.store = store;
        store.recovered().forEach((key, record) -> {
            Transaction t;
            try {
                t = TransactionCodec.decode(record);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transaction record " + key + ": " + e.getMessage(), e);
            }
            byKey.put(key, t);
            byTrigger.put(t.trigger(), key);
        });
    }

    /** False when full. */
    boolean add(Transaction t) {
        return tryAdd(t).isPresent();
    }

    /** Empty when full; else the write of the new transaction. */
    synchronized Optional<CompletionStage<Void>> tryAdd(Transaction t) {
        if (byKey.size() >= max) {
            return Optional.empty();
        }
        index(t);
        return Optional.of(write(t));
    }

    Optional<Transaction> find(String scsAsId, String id) {
        return Optional.ofNullable(byKey.get(TransactionCodec.key(scsAsId, id)));
    }

    Optional<Transaction> byTrigger(TriggerId trigger) {
        String key = byTrigger.get(trigger);
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    List<Transaction> of(String scsAsId) {
        return byKey.values().stream().filter(t -> t.scsAsId().equals(scsAsId))
                .sorted(Comparator.comparing(Transaction::id)).toList();
    }

    /** Those whose delivery report is still to be sent (after a restart). */
    List<Transaction> reportsPending() {
        return byKey.values().stream().filter(Transaction::reportPending).toList();
    }

    /**
     * Puts the new state of a transaction; a new trigger (replace) is found under both its old and new names. One
     * forgotten meanwhile (recalled, swept) stays forgotten.
     */
    synchronized CompletionStage<Void> update(Transaction t) {
        if (!byKey.containsKey(TransactionCodec.key(t))) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        index(t);
        return write(t);
    }

    /**
     * The report of {@code sent} was sent or given up on: clears its pending mark, unless the transaction has since come
     * to stand for another trigger (whose report is then still to go).
     */
    synchronized CompletionStage<Void> reported(Transaction sent) {
        Transaction current = byKey.get(TransactionCodec.key(sent));
        if (current == null || !current.reportPending() || !current.trigger().equals(sent.trigger())
                || !java.util.Objects.equals(current.deliveryResult(), sent.deliveryResult())) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return update(current.reported());
    }

    /** Lets a trigger about to stand for {@code t} (a replacement) find it before the MTC-IWF has answered. */
    void alias(TriggerId trigger, Transaction t) {
        byTrigger.put(trigger, TransactionCodec.key(t));
    }

    void unalias(TriggerId trigger) {
        byTrigger.remove(trigger);
    }

    /** After a replace: the transaction now stands for its new trigger only. */
    synchronized CompletionStage<Void> replace(Transaction replaced, TriggerId old) {
        CompletionStage<Void> written = update(replaced);
        if (!old.equals(replaced.trigger())) {
            byTrigger.remove(old);
        }
        return written;
    }

    /** Forgets a transaction; its trigger (only the current one is indexed: a replace unaliases the old) goes too. */
    synchronized CompletionStage<Void> remove(Transaction t) {
        String key = TransactionCodec.key(t);
        Transaction gone = byKey.remove(key);
        if (gone != null) {
            byTrigger.remove(gone.trigger(), key);
        }
        byTrigger.remove(t.trigger(), key);
        return store.remove(key);
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
        return byKey.size();
    }

    private void index(Transaction t) {
        String key = TransactionCodec.key(t);
        byKey.put(key, t);
        byTrigger.put(t.trigger(), key);
    }

    private CompletionStage<Void> write(Transaction t) {
        return store.put(TransactionCodec.key(t), TransactionCodec.encode(t));
    }
}

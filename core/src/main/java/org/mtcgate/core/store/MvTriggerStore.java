package org.mtcgate.core.store;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Accepted triggers in an MVStore file under the node's data directory.
 *
 * <p>One writer thread applies puts in batches and commits once per batch (group commit): callers on Netty
 * event loops never wait for the disk, and under load one commit covers many triggers. A put's stage
 * completes only after the commit that holds it, so the DAA that follows it is never sent for a trigger that
 * a crash of the process could lose. With {@code fsync} the batch is also forced to the device, against power
 * loss, at the cost of one fsync per batch.
 *
 * <p>Commits are at least {@link #MIN_COMMIT_INTERVAL_NANOS} apart: every MVStore commit writes a chunk of
 * some 20 KB (the changed B-tree path and the store's own metadata) whatever it holds, and a chunk's space is
 * reused only after the store's retention time (45 s, the time the OS is trusted to have written it), so one
 * commit per trigger at 2,000 triggers/s grew each file by 20 MB/s. When load is light the interval has long
 * passed and a put is committed at once; under load the writer gathers what arrives meanwhile.
 */
public final class MvTriggerStore implements TriggerStore, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(MvTriggerStore.class);
    private static final int MAX_BATCH = 4096;
    /** At most 500 commits a second: bounds the file's growth under load for at most 2 ms more latency. */
    static final long MIN_COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** What the writer thread does: store a trigger, or drop finished ones. */
    private sealed interface Op permits Put, Purge {
        void fail(Throwable t);

        void succeed();
    }

    private record Put(DeviceTrigger trigger, CompletableFuture<Void> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }

        public void succeed() {
            done.complete(null);
        }
    }

    private record Purge(List<String> keys, CompletableFuture<Integer> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }

        public void succeed() {
            done.complete(keys.size());
        }
    }

    private final MVStore store;
    private final MVMap<String, byte[]> triggers;
    private final boolean fsync;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    private MvTriggerStore(MVStore store, boolean fsync) {
        this.store = store;
        this.triggers = store.openMap("triggers");
        this.fsync = fsync;
        this.writer = new Thread(this::writeLoop, "trigger-store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (or creates) {@code triggers.mv.db} in {@code dataDir}. */
    public static MvTriggerStore open(Path dataDir, boolean fsync) {
        return openFile(dataDir.resolve("triggers.mv.db"), fsync);
    }

    /** Opens (or creates) the store in {@code file}; the SMS-SC keeps its pending SMs in a file of its own. */
    public static MvTriggerStore openFile(Path file, boolean fsync) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        return new MvTriggerStore(store, fsync);
    }

    @Override
    public CompletionStage<Void> put(DeviceTrigger trigger) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the trigger store is closed"));
            return done;
        }
        queue.add(new Put(trigger, done));
        return done;
    }

    @Override
    public Optional<DeviceTrigger> find(TriggerId id) {
        byte[] data = triggers.get(TriggerCodec.key(id));
        return data == null ? Optional.empty() : Optional.of(TriggerCodec.decode(data));
    }

    @Override
    public List<DeviceTrigger> unfinished() {
        List<DeviceTrigger> out = new ArrayList<>();
        for (byte[] data : triggers.values()) {
            DeviceTrigger t = TriggerCodec.decode(data);
            if (!t.state().finished()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every trigger with this Reference-Number, whatever SCS sent it (for the console). */
    public List<DeviceTrigger> byReference(long referenceNumber) {
        List<DeviceTrigger> out = new ArrayList<>();
        String prefix = referenceNumber + "@";
        for (String key : triggers.keySet()) {
            if (key.startsWith(prefix)) {
                out.add(TriggerCodec.decode(triggers.get(key)));
            }
        }
        return out;
    }

    /** How many triggers the store holds, finished ones included. */
    public int size() {
        return triggers.size();
    }

    /**
     * Forgets finished triggers whose validity ended before {@code cutoff}; returns how many. The removal goes
     * through the writer, so it never races a put of the same trigger.
     */
    public CompletionStage<Integer> purgeFinishedBefore(Instant cutoff) {
        List<String> old = new ArrayList<>();
        triggers.forEach((k, v) -> {
            DeviceTrigger t = TriggerCodec.decode(v);
            if (t.state().finished() && t.expiresAt().isBefore(cutoff)) {
                old.add(k);
            }
        });
        CompletableFuture<Integer> done = new CompletableFuture<>();
        queue.add(new Purge(old, done));
        return done;
    }

    private void writeLoop() {
        List<Op> batch = new ArrayList<>(MAX_BATCH);
        long lastCommit = System.nanoTime() - MIN_COMMIT_INTERVAL_NANOS;
        while (true) {
            try {
                Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                gatherUntil(batch, lastCommit + MIN_COMMIT_INTERVAL_NANOS);
                queue.drainTo(batch, MAX_BATCH - batch.size());
                applyAndCommit(batch);
                lastCommit = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds to the batch what arrives before {@code deadline} (a nanoTime), or until the batch is full. */
    private void gatherUntil(List<Op> batch, long deadline) throws InterruptedException {
        long wait;
        while (batch.size() < MAX_BATCH && (wait = deadline - System.nanoTime()) > 0) {
            Op next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void applyAndCommit(List<Op> batch) {
        try {
            for (Op op : batch) {
                if (op instanceof Put put) {
                    triggers.put(TriggerCodec.key(put.trigger().id()), TriggerCodec.encode(put.trigger()));
                } else if (op instanceof Purge purge) {
                    purge.keys().forEach(k -> {
                        byte[] current = triggers.get(k);
                        // Only drop what is still finished: a key reused since the scan stays.
                        if (current != null && TriggerCodec.decode(current).state().finished()) {
                            triggers.remove(k);
                        }
                    });
                }
            }
            store.commit();
            if (fsync) {
                store.sync();
            }
            batch.forEach(Op::succeed);
        } catch (RuntimeException e) {
            LOG.error("trigger store commit failed; {} operations refused", batch.size(), e);
            store.rollback();
            batch.forEach(op -> op.fail(e));
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}

package org.mtcgate.core.store;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Accepted triggers (or the SMS-SC's held SMs) in an append-only journal under a directory of their own, with
 * every live trigger also in memory, encoded, for lookups.
 *
 * <p>One writer thread takes what callers queued, appends it as one write (group commit: under load one write
 * covers many triggers, at light load a put is written at once), optionally forces it to the device, and only
 * then makes the triggers visible and completes the callers' stages: the DAA that follows a put is never sent
 * for a trigger a crash of the process could lose. A write costs what it carries, a few hundred bytes a
 * trigger; an MVStore commit wrote a B-tree chunk of some 20 KB whatever it held, and its page cache and chunk
 * bookkeeping were most of what the young collections of a busy node had to copy.
 *
 * <p>When the open segment passes {@code segmentBytes} the writer starts the next one and a compactor thread
 * writes a snapshot of the live triggers, after which the older segments are deleted. The snapshot may catch
 * a trigger in a state written after the roll; the newer segment holds that write too, and replay applies it
 * after the snapshot, so the result is the same. See {@link JournalFiles} for the files and their recovery.
 */
public final class JournalTriggerStore implements HeldTriggerStore {
    private static final Logger LOG = LogManager.getLogger(JournalTriggerStore.class);
    private static final int MAX_BATCH = 4096;
    /** A segment is rolled past this size; the snapshot written then is the size of the live triggers. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** How long a finished trigger is kept at most, counted from its acceptance. */
    public static final Duration KEEP_FINISHED = Duration.ofHours(1);
    /**
     * Triggers held at most (some 0.4 KB of heap each). A guard, not a working limit: it is reached only if
     * triggers arrive far faster than they finish for a long time. New triggers are then refused (the SCS gets a
     * temporary error); state changes of held ones are always taken.
     */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    /** What the writer thread does: store a trigger, or drop finished ones. */
    private sealed interface Op permits Put, Purge {
        void fail(Throwable t);
    }

    private record Put(String key, byte[] value, CompletableFuture<Void> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private record Purge(List<String> keys, CompletableFuture<Integer> done) implements Op {
        public void fail(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private final JournalFiles files;
    private final Map<String, byte[]> live;
    private final boolean fsync;
    private final long segmentBytes;
    private final int capacity;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final ExecutorService compactor;
    private final Thread writer;
    private volatile boolean closing;
    /** Set when a write failed and could not be undone: later puts are refused, never written after garbage. */
    private volatile IOException broken;

    private JournalTriggerStore(JournalFiles files, Map<String, byte[]> recovered, boolean fsync, long segmentBytes, int capacity) {
        this.files = files;
        this.live = new ConcurrentHashMap<>(recovered);
        this.fsync = fsync;
        this.segmentBytes = segmentBytes;
        this.capacity = capacity;
        String name = files.directory().getFileName().toString();
        this.compactor = Executors.newSingleThreadExecutor(r -> daemon(r, "journal-compactor-" + name));
        this.writer = daemon(this::writeLoop, "journal-writer-" + name);
        this.writer.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Opens the journal in {@code directory}, creating it if needed, and replays it. A damaged record at the end
     * of the newest segment (a write cut short by a crash) is dropped with a warning; damage anywhere else stops
     * the open with the file and offset, since dropping it could lose accepted triggers.
     */
    public static JournalTriggerStore open(Path directory, boolean fsync) {
        return open(directory, fsync, DEFAULT_SEGMENT_BYTES, DEFAULT_CAPACITY);
    }

    public static JournalTriggerStore open(Path directory, boolean fsync, long segmentBytes, int capacity) {
        try {
            Map<String, byte[]> recovered = new java.util.HashMap<>();
            JournalFiles files = JournalFiles.recover(directory, recovered);
            return new JournalTriggerStore(files, recovered, fsync, segmentBytes, capacity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the trigger journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<Void> put(DeviceTrigger trigger) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        IOException failed = broken;
        if (closing || failed != null) {
            done.completeExceptionally(failed != null ? new IOException("the trigger journal failed earlier", failed)
                    : new IllegalStateException("the trigger store is closed"));
            return done;
        }
        String key = TriggerCodec.key(trigger.id());
        if (live.size() >= capacity && !live.containsKey(key)) {
            done.completeExceptionally(new IllegalStateException("the trigger store in " + files.directory()
                    + " holds " + live.size() + " triggers, its limit; new triggers are refused until some finish"));
            return done;
        }
        queue.add(new Put(key, TriggerCodec.encode(trigger), done));
        return done;
    }

    @Override
    public Optional<DeviceTrigger> find(TriggerId id) {
        byte[] data = live.get(TriggerCodec.key(id));
        return data == null ? Optional.empty() : Optional.of(TriggerCodec.decode(data));
    }

    @Override
    public List<DeviceTrigger> unfinished() {
        List<DeviceTrigger> out = new ArrayList<>();
        for (byte[] data : live.values()) {
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
        live.forEach((key, data) -> {
            if (key.startsWith(prefix)) {
                out.add(TriggerCodec.decode(data));
            }
        });
        return out;
    }

    /** How many triggers the store holds, finished ones included. */
    public int size() {
        return live.size();
    }

    /**
     * Forgets finished triggers whose validity has ended at {@code now}, or that were accepted more than
     * {@link #KEEP_FINISHED} before it; returns how many. Until then a resent DAR is still recognised; their
     * history stays in the audit log. The removal goes through the writer, so it never races a put.
     */
    public CompletionStage<Integer> purgeFinished(Instant now) {
        return purge(finishedAt(now));
    }

    /** The keys {@link #purgeFinished} would forget at {@code now}, as of this moment. */
    List<String> finishedAt(Instant now) {
        Instant acceptedCutoff = now.minus(KEEP_FINISHED);
        List<String> old = new ArrayList<>();
        live.forEach((k, v) -> {
            DeviceTrigger t = TriggerCodec.decode(v);
            if (t.state().finished() && (!t.expiresAt().isAfter(now) || t.acceptedAt().isBefore(acceptedCutoff))) {
                old.add(k);
            }
        });
        return old;
    }

    /** Removes those of {@code keys} that are still finished when the writer gets to them. */
    CompletionStage<Integer> purge(List<String> keys) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        queue.add(new Purge(keys, done));
        return done;
    }

    private void writeLoop() {
        List<Op> batch = new ArrayList<>(MAX_BATCH);
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
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Op> batch) {
        IOException failed = broken;
        if (failed != null) {
            batch.forEach(op -> op.fail(failed));
            return;
        }
        // For each purge in the batch, the keys it really removes (still finished when the batch is written).
        List<List<String>> drops = new ArrayList<>();
        // Puts earlier in this batch are not in live yet; a purge must see them (made only if a purge comes).
        Map<String, byte[]> written = null;
        JournalFiles.Appender out = files.appender();
        for (Op op : batch) {
            if (op instanceof Put put) {
                out.put(put.key(), put.value());
                if (written != null) {
                    written.put(put.key(), put.value());
                }
            } else if (op instanceof Purge purge) {
                if (written == null) {
                    written = new java.util.HashMap<>();
                    for (Op earlier : batch) {
                        if (earlier == op) {
                            break;
                        }
                        if (earlier instanceof Put p) {
                            written.put(p.key(), p.value());
                        }
                    }
                }
                List<String> drop = new ArrayList<>();
                for (String k : purge.keys()) {
                    byte[] current = written.containsKey(k) ? written.get(k) : live.get(k);
                    // Only drop what is still finished: a key reused since the scan stays.
                    if (current != null && TriggerCodec.decode(current).state().finished()) {
                        out.remove(k);
                        drop.add(k);
                        written.put(k, null);
                    }
                }
                drops.add(drop);
            }
        }
        try {
            out.commit(fsync);
        } catch (IOException e) {
            LOG.error("trigger journal write failed; {} operations refused", batch.size(), e);
            if (!out.undo()) {
                broken = e;
                LOG.error("the trigger journal in {} cannot be written any more; new triggers are refused", files.directory());
            }
            batch.forEach(op -> op.fail(e));
            return;
        }
        // Visible only now: nobody reads a trigger that a crash could still take back.
        int purges = 0;
        for (Op op : batch) {
            if (op instanceof Put put) {
                live.put(put.key(), put.value());
                put.done().complete(null);
            } else if (op instanceof Purge purge) {
                List<String> drop = drops.get(purges++);
                drop.forEach(live::remove);
                purge.done().complete(drop.size());
            }
        }
        if (files.activeSize() >= segmentBytes) {
            roll();
        }
    }

    /** Starts a new segment and has the compactor fold everything before it into a snapshot (writer thread). */
    private void roll() {
        try {
            long sealed = files.roll();
            compactor.execute(() -> {
                try {
                    files.snapshot(sealed, live);
                } catch (IOException | RuntimeException e) {
                    // Nothing is lost: the segments stay until a later snapshot succeeds.
                    LOG.error("trigger journal snapshot failed in {}; older segments are kept", files.directory(), e);
                }
            });
        } catch (IOException e) {
            LOG.error("starting a new trigger journal segment in {} failed; writing on in the current one", files.directory(), e);
        }
    }

    /** Writes what is queued, then closes the files. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            compactor.shutdown();
            compactor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            files.close();
        } catch (IOException e) {
            LOG.warn("closing the trigger journal in {} failed", files.directory(), e);
        }
    }
}

package org.mtcgate.core.store;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

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
 * Records (the MTC-IWF's accepted triggers, the SMS-SC's held SMs) in an append-only journal under a directory
 * of their own, with every live record also in memory, encoded, for lookups. What a record is, its key, and
 * when it may be forgotten, the {@link Codec} says; {@link JournalTriggerStore} and {@link JournalHeldSmStore}
 * are the typed stores over it.
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
final class JournalStore<V> implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(JournalStore.class);

    /** How a store's records are named, written, read and judged finished. */
    interface Codec<V> {
        /** What the records are, in the operator's words: "triggers", "SMs". */
        String noun();

        String key(V value);

        byte[] encode(V value);

        V decode(byte[] data);

        /** Nothing more will happen to it. */
        boolean finished(V value);

        /** A finished record no resent request can need any more at {@code now}. */
        boolean forgettable(V value, Instant now);
    }

    private static final int MAX_BATCH = 4096;
    /** A segment is rolled past this size; the snapshot written then is the size of the live triggers. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /**
     * Records held at most (some 0.4 KB of heap each). A guard, not a working limit: it is reached only if
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

    private final Codec<V> codec;
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

    private JournalStore(Codec<V> codec, JournalFiles files, Map<String, byte[]> recovered, boolean fsync, long segmentBytes,
                         int capacity) {
        this.codec = codec;
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
     * the open with the file and offset, since dropping it could lose accepted records.
     */
    static <V> JournalStore<V> open(Codec<V> codec, Path directory, boolean fsync, long segmentBytes, int capacity) {
        try {
            Map<String, byte[]> recovered = new java.util.HashMap<>();
            JournalFiles files = JournalFiles.recover(directory, recovered);
            return new JournalStore<>(codec, files, recovered, fsync, segmentBytes, capacity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the trigger journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    CompletionStage<Void> put(V value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        IOException failed = broken;
        if (closing || failed != null) {
            done.completeExceptionally(failed != null ? new IOException("the journal in " + files.directory() + " failed earlier", failed)
                    : new IllegalStateException("the store in " + files.directory() + " is closed"));
            return done;
        }
        String key = codec.key(value);
        if (live.size() >= capacity && !live.containsKey(key)) {
            done.completeExceptionally(new IllegalStateException("the store in " + files.directory() + " holds " + live.size()
                    + " " + codec.noun() + ", its limit; new " + codec.noun() + " are refused until some finish"));
            return done;
        }
        queue.add(new Put(key, codec.encode(value), done));
        return done;
    }

    Optional<V> find(String key) {
        byte[] data = live.get(key);
        return data == null ? Optional.empty() : Optional.of(codec.decode(data));
    }

    List<V> unfinished() {
        List<V> out = new ArrayList<>();
        for (byte[] data : live.values()) {
            V v = codec.decode(data);
            if (!codec.finished(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every record whose key starts with {@code prefix} (for the console). */
    List<V> withKeyPrefix(String prefix) {
        List<V> out = new ArrayList<>();
        live.forEach((key, data) -> {
            if (key.startsWith(prefix)) {
                out.add(codec.decode(data));
            }
        });
        return out;
    }

    /** The keys of every record held now, finished ones included. */
    List<String> keys() {
        return List.copyOf(live.keySet());
    }

    /** How many records the store holds, finished ones included. */
    int size() {
        return live.size();
    }

    /**
     * Forgets the finished records the codec calls forgettable at {@code now}; returns how many. The removal goes
     * through the writer, so it never races a put.
     */
    CompletionStage<Integer> purgeFinished(Instant now) {
        return purge(finishedAt(now));
    }

    /** The keys {@link #purgeFinished} would forget at {@code now}, as of this moment. */
    List<String> finishedAt(Instant now) {
        List<String> old = new ArrayList<>();
        live.forEach((k, data) -> {
            V v = codec.decode(data);
            if (codec.finished(v) && codec.forgettable(v, now)) {
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
                    if (current != null && codec.finished(codec.decode(current))) {
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
            LOG.error("journal write in {} failed; {} operations refused", files.directory(), batch.size(), e);
            if (!out.undo()) {
                broken = e;
                LOG.error("the journal in {} cannot be written any more; new records are refused", files.directory());
            }
            batch.forEach(op -> op.fail(e));
            return;
        }
        // Visible only now: nobody reads a record that a crash could still take back.
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
                    LOG.error("journal snapshot failed in {}; older segments are kept", files.directory(), e);
                }
            });
        } catch (IOException e) {
            LOG.error("starting a new journal segment in {} failed; writing on in the current one", files.directory(), e);
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
            LOG.warn("closing the journal in {} failed", files.directory(), e);
        }
    }
}

package org.mtcgate.core.store;

import org.mtcgate.filter.store.RecordStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Opaque records by key in a {@link JournalStore} of their own: the SCEF's T8 transactions and Tsms's delivery
 * receipts (the records are the role's, opaque here). A removal is written as an
 * empty record, which the journal then drops as finished, so it needs no operation of its own.
 */
public final class JournalRecordStore implements RecordStore {
    /** One record; {@code data} null once removed. */
    record Entry(String key, byte[] data) {
    }

    private static final byte LIVE = 1;
    private static final byte REMOVED = 0;

    /** The journal's codec; {@code noun} names the records in messages ("T8 transactions"). */
    private static JournalStore.Codec<Entry> codec(String noun) {
        return new JournalStore.Codec<>() {
            @Override
            public String noun() {
                return noun;
            }

            @Override
            public String key(Entry e) {
                return e.key();
            }

            /** The record with a leading octet: live or removed. The key is the journal's own. */
            @Override
            public byte[] encode(Entry e) {
                if (e.data() == null) {
                    return new byte[] {REMOVED};
                }
                byte[] out = new byte[e.data().length + 1];
                out[0] = LIVE;
                System.arraycopy(e.data(), 0, out, 1, e.data().length);
                return out;
            }

            @Override
            public Entry decode(byte[] data) {
                if (data.length == 0 || (data[0] != LIVE && data[0] != REMOVED)) {
                    throw new IllegalStateException(noun + ": a record with marker " + (data.length == 0 ? "missing" : data[0]));
                }
                return new Entry(null, data[0] == REMOVED ? null : java.util.Arrays.copyOfRange(data, 1, data.length));
            }

            @Override
            public boolean finished(Entry e) {
                return e.data() == null;
            }

            @Override
            public boolean forgettable(Entry e, Instant now) {
                return true;
            }
        };
    }

    private final JournalStore<Entry> journal;
    private final Path directory;

    private JournalRecordStore(JournalStore<Entry> journal, Path directory) {
        this.journal = journal;
        this.directory = directory;
    }

    /**
     * Opens (or creates) the journal in {@code directory} and replays it; damage is reported with file and offset.
     * {@code noun} names its records in those messages.
     */
    public static JournalRecordStore open(String noun, Path directory, boolean fsync) {
        JournalStore<Entry> journal = JournalStore.open(codec(noun), directory, fsync, JournalStore.DEFAULT_SEGMENT_BYTES,
                JournalStore.DEFAULT_CAPACITY);
        // Removals cut short by a stop (the empty record written, the drop not yet) are finished now.
        journal.purge(journal.finishedAt(Instant.EPOCH));
        return new JournalRecordStore(journal, directory);
    }

    /** The live records as of now; the role reads them once, at its start, before it changes any. */
    @Override
    public Map<String, byte[]> recovered() {
        Map<String, byte[]> live = new HashMap<>();
        for (String key : journal.keys()) {
            journal.find(key).map(Entry::data).ifPresent(data -> live.put(key, data));
        }
        return live;
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] record) {
        return journal.put(new Entry(key, record.clone()));
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        journal.put(new Entry(key, null));
        // Queued after the empty record, so the writer sees it; a put of the same key queued meanwhile is kept.
        return journal.purge(java.util.List.of(key)).thenApply(n -> null);
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public void close() {
        journal.close();
    }
}

package org.mtcgate.core.store;

import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The MTC-IWF's accepted triggers in a {@link JournalStore}: a put completes once the trigger is written (and
 * forced, with fsync), so the DAA that follows is never sent for a trigger a crash could lose.
 */
public final class JournalTriggerStore implements HeldTriggerStore {
    /** How long a finished trigger is kept at most, counted from its acceptance. */
    public static final Duration KEEP_FINISHED = Duration.ofHours(1);

    private static final JournalStore.Codec<DeviceTrigger> CODEC = new JournalStore.Codec<>() {
        @Override
        public String noun() {
            return "triggers";
        }

        @Override
        public String key(DeviceTrigger t) {
            return TriggerCodec.key(t.id());
        }

        @Override
        public byte[] encode(DeviceTrigger t) {
            return TriggerCodec.encode(t);
        }

        @Override
        public DeviceTrigger decode(byte[] data) {
            return TriggerCodec.decode(data);
        }

        @Override
        public boolean finished(DeviceTrigger t) {
            return t.state().finished();
        }

        /** Until then a resent DAR is still recognised; the history stays in the audit log. */
        @Override
        public boolean forgettable(DeviceTrigger t, Instant now) {
            return !t.expiresAt().isAfter(now) || t.acceptedAt().isBefore(now.minus(KEEP_FINISHED));
        }
    };

    private final JournalStore<DeviceTrigger> journal;

    private JournalTriggerStore(JournalStore<DeviceTrigger> journal) {
        this.journal = journal;
    }

    /** Opens (or creates) the journal in {@code directory} and replays it; damage is reported with file and offset. */
    public static JournalTriggerStore open(Path directory, boolean fsync) {
        return open(directory, fsync, JournalStore.DEFAULT_SEGMENT_BYTES, JournalStore.DEFAULT_CAPACITY);
    }

    public static JournalTriggerStore open(Path directory, boolean fsync, long segmentBytes, int capacity) {
        return new JournalTriggerStore(JournalStore.open(CODEC, directory, fsync, segmentBytes, capacity));
    }

    @Override
    public CompletionStage<Void> put(DeviceTrigger trigger) {
        return journal.put(trigger);
    }

    @Override
    public Optional<DeviceTrigger> find(TriggerId id) {
        return journal.find(TriggerCodec.key(id));
    }

    @Override
    public List<DeviceTrigger> unfinished() {
        return journal.unfinished();
    }

    @Override
    public List<DeviceTrigger> byReference(long referenceNumber) {
        return journal.withKeyPrefix(referenceNumber + "@");
    }

    /** How many triggers the store holds, finished ones included. */
    public int size() {
        return journal.size();
    }

    @Override
    public CompletionStage<Integer> purgeFinished(Instant now) {
        return journal.purgeFinished(now);
    }

    /** The keys {@link #purgeFinished} would forget at {@code now}, as of this moment. */
    List<String> finishedAt(Instant now) {
        return journal.finishedAt(now);
    }

    /** Removes those of {@code keys} that are still finished when the writer gets to them. */
    CompletionStage<Integer> purge(List<String> keys) {
        return journal.purge(keys);
    }

    @Override
    public void close() {
        journal.close();
    }
}

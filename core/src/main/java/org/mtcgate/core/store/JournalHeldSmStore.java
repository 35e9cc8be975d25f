package org.mtcgate.core.store;

import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.SmId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The SMS-SC's held SMs in a {@link JournalStore}: an SM is acknowledged to its submitter only once written. */
public final class JournalHeldSmStore implements SmscStore {
    /** How long a finished SM is kept at most, counted from its acceptance: a resubmission is recognised meanwhile. */
    public static final Duration KEEP_FINISHED = Duration.ofHours(1);

    private static final JournalStore.Codec<HeldSm> CODEC = new JournalStore.Codec<>() {
        @Override
        public String noun() {
            return "SMs";
        }

        @Override
        public String key(HeldSm sm) {
            return HeldSmCodec.key(sm.id());
        }

        @Override
        public byte[] encode(HeldSm sm) {
            return HeldSmCodec.encode(sm);
        }

        @Override
        public HeldSm decode(byte[] data) {
            return HeldSmCodec.decode(data);
        }

        @Override
        public boolean finished(HeldSm sm) {
            return sm.state().finished();
        }

        @Override
        public boolean forgettable(HeldSm sm, Instant now) {
            return !sm.expiresAt().isAfter(now) || sm.acceptedAt().isBefore(now.minus(KEEP_FINISHED));
        }
    };

    private final JournalStore<HeldSm> journal;

    private JournalHeldSmStore(JournalStore<HeldSm> journal) {
        this.journal = journal;
    }

    /** Opens (or creates) the journal in {@code directory} and replays it; damage is reported with file and offset. */
    public static JournalHeldSmStore open(Path directory, boolean fsync) {
        return new JournalHeldSmStore(JournalStore.open(CODEC, directory, fsync, JournalStore.DEFAULT_SEGMENT_BYTES,
                JournalStore.DEFAULT_CAPACITY));
    }

    @Override
    public CompletionStage<Void> put(HeldSm sm) {
        return journal.put(sm);
    }

    @Override
    public Optional<HeldSm> find(SmId id) {
        return journal.find(HeldSmCodec.key(id));
    }

    @Override
    public List<HeldSm> unfinished() {
        return journal.unfinished();
    }

    @Override
    public List<HeldSm> byReference(long reference) {
        return journal.withKeyPrefix(reference + "@");
    }

    @Override
    public CompletionStage<Integer> purgeFinished(Instant now) {
        return journal.purgeFinished(now);
    }

    @Override
    public void close() {
        journal.close();
    }
}

package org.mtcgate.core.store;

import org.mtcgate.gba.Impi;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.UnknownSubscriberException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The embedded HSS's AKA data: credentials from the subscriber file (memory only, never written or logged), and
 * SEQ_HE per IMPI in a {@link JournalStore} of its own, so that no SEQ is handed out twice across a restart.
 * A SEQ is given out under one lock together with queueing its record, so the journal sees the SEQs of one IMPI
 * in increasing order; the caller's stage completes once the record is written (and forced, with fsync).
 */
public final class JournalAkaStore implements AkaStore {
    /** One subscriber's SEQ_HE. */
    record SeqRecord(String impi, long seq) {
    }

    private static final JournalStore.Codec<SeqRecord> CODEC = new JournalStore.Codec<>() {
        @Override
        public String noun() {
            return "SQN records";
        }

        @Override
        public String key(SeqRecord r) {
            return r.impi();
        }

        @Override
        public byte[] encode(SeqRecord r) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeUTF(r.impi());
                out.writeLong(r.seq());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public SeqRecord decode(byte[] data) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int format = in.readUnsignedByte();
                if (format != 1) {
                    throw new IllegalStateException("SQN record of unknown format " + format);
                }
                return new SeqRecord(in.readUTF(), in.readLong());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SEQ_HE is never done with: forgetting it would hand out old SQNs again. */
        @Override
        public boolean finished(SeqRecord r) {
            return false;
        }

        @Override
        public boolean forgettable(SeqRecord r, Instant now) {
            return false;
        }
    };

    private final Map<Impi, AkaCredentials> credentials;
    private final JournalStore<SeqRecord> journal;
    /** SEQ_HE as given out, ahead of the journal by the records being written; guarded by itself. */
    private final Map<Impi, Long> seq = new HashMap<>();

    private JournalAkaStore(Map<Impi, AkaCredentials> credentials, JournalStore<SeqRecord> journal) {
        this.credentials = credentials;
        this.journal = journal;
    }

    /** Opens (or creates) the SQN journal in {@code directory}; the credentials are the subscriber file's. */
    public static JournalAkaStore open(Path directory, boolean fsync, Collection<AkaCredentials> subscribers) {
        Map<Impi, AkaCredentials> byImpi = subscribers.stream()
                .collect(Collectors.toUnmodifiableMap(AkaCredentials::impi, Function.identity()));
        return new JournalAkaStore(byImpi, JournalStore.open(CODEC, directory, fsync, JournalStore.DEFAULT_SEGMENT_BYTES,
                JournalStore.DEFAULT_CAPACITY));
    }

    @Override
    public CompletionStage<Optional<AkaCredentials>> credentials(Impi impi) {
        return CompletableFuture.completedFuture(Optional.ofNullable(credentials.get(impi)));
    }

    @Override
    public CompletionStage<Long> nextSeq(Impi impi, OptionalLong resyncTo) {
        if (!credentials.containsKey(impi)) {
            return CompletableFuture.failedFuture(new UnknownSubscriberException(impi));
        }
        long next;
        CompletionStage<Void> written;
        synchronized (seq) {
            long current = seq.computeIfAbsent(impi, k -> journal.find(k.value()).map(SeqRecord::seq).orElse(0L));
            next = resyncTo.orElse(current) + 1;
            seq.put(impi, next);
            written = journal.put(new SeqRecord(impi.value(), next));
        }
        return written.thenApply(v -> next);
    }

    /** SEQ_HE of an IMPI as the journal holds it (0 before its first vector). */
    public long seqHe(Impi impi) {
        return journal.find(impi.value()).map(SeqRecord::seq).orElse(0L);
    }

    @Override
    public void close() {
        journal.close();
    }
}

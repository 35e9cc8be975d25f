package org.mtcgate.core.store;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The files of one journal directory: numbered segments {@code segment-N.journal} that take appends, and at most
 * one {@code snapshot-N.journal}, the live triggers as of the end of segment N.
 *
 * <p>Every file starts with an 8-octet header (magic and format version). A record is a 4-octet body length, the
 * CRC-32C of the body, and the body: an operation octet (1 put, 2 remove), a 2-octet key length, the key in
 * UTF-8 and, for a put, the encoded trigger. A snapshot is written under a temporary name, forced to the device
 * and renamed into place, so it is either whole or absent; only then are the segments it covers deleted.
 *
 * <p>Recovery reads the newest snapshot, then the segments after it in order. A write cut short by a crash can
 * only damage the end of the newest segment: that tail is cut off with a warning. Damage anywhere else means
 * the disk or somebody changed the files; opening stops with the file and offset rather than lose triggers.
 *
 * <p>Threads: the appender, {@link #roll} and {@link #activeSize} belong to the store's writer thread;
 * {@link #snapshot} runs on its compactor thread and touches only sealed files.
 */
public final class JournalFiles implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(JournalFiles.class);
    private static final byte[] MAGIC = "MTCJRNL".getBytes(StandardCharsets.US_ASCII);
    private static final byte FORMAT = 1;
    static final int HEADER = MAGIC.length + 1;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    /** Larger than any trigger record (payload at most 160 octets, a few names): a bigger length is damage. */
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern NAME = Pattern.compile("(segment|snapshot)-(\\d{12})\\.journal");

    private final Path directory;
    /** Written by the writer thread; the compactor reads it when it deletes what a snapshot covers. */
    private volatile long activeSeq;
    private FileChannel active;
    /** Octets in the open segment; tracked here so a commit needs no extra system call to learn it. */
    private long activeBytes;
    private final Appender appender = new Appender();

    private JournalFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Replays the directory into {@code into} and opens a fresh segment for appends. */
    static JournalFiles recover(Path directory, Map<String, byte[]> into) throws IOException {
        Files.createDirectories(directory);
        TreeMap<Long, Path> segments = new TreeMap<>();
        TreeMap<Long, Path> snapshots = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(p); // a snapshot that was never completed; its segments are still here
                    continue;
                }
                Matcher m = NAME.matcher(name);
                if (m.matches()) {
                    (m.group(1).equals("segment") ? segments : snapshots).put(Long.parseLong(m.group(2)), p);
                }
            }
        }
        long covered = 0;
        if (!snapshots.isEmpty()) {
            covered = snapshots.lastKey();
            replay(snapshots.lastEntry().getValue(), into, false);
        }
        long last = covered;
        for (Map.Entry<Long, Path> e : segments.entrySet()) {
            last = Math.max(last, e.getKey());
            if (e.getKey() <= covered) {
                continue;
            }
            replay(e.getValue(), into, e.getKey().equals(segments.lastKey()));
        }
        JournalFiles files = new JournalFiles(directory);
        files.openSegment(last + 1);
        // Only now, with a segment open after them, are files the snapshot already covers of no further use.
        files.deleteCoveredBy(covered);
        return files;
    }

    private static void replay(Path file, Map<String, byte[]> into, boolean newest) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all);
        if (all.length < HEADER) {
            damaged(file, 0, "the header is cut short", newest);
            return;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (all[i] != MAGIC[i]) {
                throw new IOException(file + ": not an mtcgate journal file (bad magic)");
            }
        }
        if (all[MAGIC.length] != FORMAT) {
            throw new IOException(file + ": journal format " + all[MAGIC.length] + "; this node reads " + FORMAT);
        }
        in.position(HEADER);
        CRC32C crc = new CRC32C();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < 8) {
                damaged(file, at, "a record header is cut short", newest);
                return;
            }
            int length = in.getInt();
            int expected = in.getInt();
            if (length < 3 || length > MAX_BODY || length > in.remaining()) {
                damaged(file, at, "record length " + length + " is impossible here", newest);
                return;
            }
            crc.reset();
            crc.update(all, in.position(), length);
            if ((int) crc.getValue() != expected) {
                damaged(file, at, "record checksum does not match", newest);
                return;
            }
            byte op = in.get();
            int keyLength = Short.toUnsignedInt(in.getShort());
            if (keyLength > length - 3) {
                damaged(file, at, "key length " + keyLength + " exceeds the record", newest);
                return;
            }
            String key = new String(all, in.position(), keyLength, StandardCharsets.UTF_8);
            in.position(in.position() + keyLength);
            int valueLength = length - 3 - keyLength;
            if (op == PUT) {
                byte[] value = new byte[valueLength];
                in.get(value);
                into.put(key, value);
            } else if (op == REMOVE && valueLength == 0) {
                into.remove(key);
            } else {
                damaged(file, at, "unknown operation " + op, newest);
                return;
            }
        }
    }

    private static void damaged(Path file, int offset, String what, boolean newest) throws IOException {
        if (!newest) {
            throw new IOException(file + " offset " + offset + ": " + what
                    + "; the journal is damaged before its end, refusing to drop accepted triggers");
        }
        LOG.warn("{} offset {}: {}; dropping the end of the newest segment from there (a write cut short by a stop)",
                file, offset, what);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            ch.force(true);
        }
    }

    private void openSegment(long seq) throws IOException {
        Path p = segmentPath(seq);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).put(FORMAT).flip();
        while (header.hasRemaining()) {
            ch.write(header);
        }
        ch.force(true);
        syncDirectory();
        this.active = ch;
        this.activeSeq = seq;
        this.activeBytes = HEADER;
    }

    private Path segmentPath(long seq) {
        return directory.resolve(String.format("segment-%012d.journal", seq));
    }

    private Path snapshotPath(long seq) {
        return directory.resolve(String.format("snapshot-%012d.journal", seq));
    }

    /** The appender of the open segment (writer thread). */
    Appender appender() {
        return appender;
    }

    long activeSize() {
        return activeBytes;
    }

    /** Seals the open segment, opens the next one and returns the sealed one's number (writer thread). */
    long roll() throws IOException {
        long sealed = activeSeq;
        FileChannel old = active;
        openSegment(sealed + 1);
        old.force(true);
        old.close();
        return sealed;
    }

    /**
     * Writes the live triggers as the snapshot of every segment up to {@code sealed}, then deletes what it covers.
     * {@code live} may change meanwhile; see the store for why the result is still right.
     */
    void snapshot(long sealed, Map<String, byte[]> live) throws IOException {
        Path tmp = directory.resolve("snapshot-" + sealed + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            Appender out = new Appender(ch);
            out.buffer.put(MAGIC).put(FORMAT);
            for (Map.Entry<String, byte[]> e : live.entrySet()) {
                out.put(e.getKey(), e.getValue());
                if (out.buffer.position() > (1 << 20)) {
                    out.drain();
                }
            }
            out.drain();
            ch.force(true);
        }
        try {
            Files.move(tmp, snapshotPath(sealed), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + directory + " cannot rename atomically", e);
        }
        syncDirectory();
        deleteCoveredBy(sealed);
    }

    /** Deletes the segments and older snapshots that snapshot {@code seq} covers. */
    private void deleteCoveredBy(long seq) throws IOException {
        if (seq == 0) {
            return;
        }
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long n = Long.parseLong(m.group(2));
                    boolean segment = m.group(1).equals("segment");
                    if (segment ? n <= seq && n != activeSeq : n < seq) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be forced; the rename itself is still atomic.
            LOG.debug("cannot force directory {}: {}", directory, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        active.force(true);
        active.close();
    }

    /** Encodes records into one buffer and writes them with one call. Not thread-safe. */
    final class Appender {
        private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        private final CRC32C crc = new CRC32C();
        private final FileChannel fixed;
        private long before = -1;

        private Appender() {
            this.fixed = null;
        }

        private Appender(FileChannel channel) {
            this.fixed = channel;
        }

        private FileChannel channel() {
            return fixed != null ? fixed : active;
        }

        void put(String key, byte[] value) {
            record(PUT, key, value);
        }

        void remove(String key) {
            record(REMOVE, key, null);
        }

        private void record(byte op, String key, byte[] value) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int body = 3 + k.length + (value == null ? 0 : value.length);
            ensure(8 + body);
            int start = buffer.position();
            buffer.position(start + 8);
            buffer.put(op).putShort((short) k.length).put(k);
            if (value != null) {
                buffer.put(value);
            }
            int end = buffer.position();
            crc.reset();
            crc.update(buffer.duplicate().position(start + 8).limit(end));
            buffer.putInt(start, body).putInt(start + 4, (int) crc.getValue());
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        /** Writes what was encoded, forced to the device when {@code fsync}; on failure see {@link #undo}. */
        void commit(boolean fsync) throws IOException {
            before = activeBytes;
            activeBytes += drain();
            if (fsync) {
                active.force(false);
            }
        }

        private long drain() throws IOException {
            FileChannel ch = channel();
            buffer.flip();
            long n = 0;
            try {
                while (buffer.hasRemaining()) {
                    n += ch.write(buffer);
                }
            } finally {
                buffer.clear();
            }
            return n;
        }

        /** Cuts the segment back to where the failed commit began; false if even that failed. */
        boolean undo() {
            try {
                active.truncate(before);
                active.position(before);
                activeBytes = before;
                return true;
            } catch (IOException e) {
                LOG.error("cannot cut {} back to {} after a failed write", directory, before, e);
                return false;
            }
        }
    }
}

package org.mtcgate.core.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's claim on its data directory: an OS lock on {@value #FILE_NAME} in it, holding the pid of the
 * process that has it. Two nodes on one data directory would append to the same journals and audit file and
 * each resubmit the other's held work; the second is refused before it opens any of them.
 *
 * <p>The lock belongs to the process and ends with it, so a killed node leaves no stale claim: the file stays,
 * but an unlocked file claims nothing.
 *
 * <p>The OS keeps these locks per process, and closing any descriptor of the file in the process drops them: a
 * second node in the same JVM that merely opened the file to try would release the first node's lock. So the
 * lock files this JVM holds are also kept in {@link #HELD_HERE}, checked before the file is opened. It is the one
 * piece of static mutable state in the node, on purpose: its scope is the process, like the OS locks it mirrors.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE_NAME = "mtcgate.lock";
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dataDir} for this process.
     *
     * @throws NodeException when another node holds it (naming that node's pid) or the lock file cannot be used
     */
    static DataDirLock acquire(Path dataDir) throws NodeException {
        Path file;
        try {
            file = dataDir.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw new NodeException("node.data-dir " + dataDir + " cannot be used: " + e.getMessage(), e);
        }
        if (!HELD_HERE.add(file)) {
            throw inUse(dataDir, file, ProcessHandle.current().pid() + ", this process");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD_HERE.remove(file);
            throw new NodeException("node.data-dir " + dataDir + ": cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Locked in this JVM by something that bypassed HELD_HERE: held all the same.
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                HELD_HERE.remove(file);
                channel.close();
                throw inUse(dataDir, file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            throw new NodeException("node.data-dir " + dataDir + ": cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static NodeException inUse(Path dataDir, Path file, String holder) {
        return new NodeException("node.data-dir " + dataDir + " is in use by another node (pid " + holder + ", lock "
                + file + "): stop that node or give this one its own data-dir");
    }

    /** The pid the holder wrote, or "unknown" while it has not written it yet. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        int n = channel.read(buf, 0);
        String pid = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]{1,19}") ? pid : "unknown";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing; the first error is the one reported.
        }
    }

    /** Releases the claim; the file stays, unlocked. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_HERE.remove(file);
            }
        }
    }
}

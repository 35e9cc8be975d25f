package org.mtcgate.core.policy;

import org.mtcgate.filter.policy.ListSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 of each list file as the workspace last read or wrote it, so that a file changed on disk meanwhile
 * is noticed before the console overwrites it. The digest is of the very bytes that were compiled: a file is read
 * once, through {@link #reading}, not read again to be stamped.
 */
final class ListFileStamps {
    private final Path dir;
    private final ListSource describing;
    private Map<String, byte[]> digests = Map.of();

    ListFileStamps(Path dir, ListSource describing) {
        this.dir = dir;
        this.describing = describing;
    }

    /** A source that reads the list files from disk and stamps what it read into {@code into}. */
    ListSource reading(Map<String, byte[]> into) {
        return new ListSource() {
            @Override
            public Reader open(String name) throws IOException {
                byte[] bytes = Files.readAllBytes(dir.resolve(name));
                into.put(name, sha256(bytes));
                return new StringReader(new String(bytes, StandardCharsets.UTF_8));
            }

            @Override
            public String describe(String name) {
                return describing.describe(name);
            }
        };
    }

    /** The stamps of a load that was accepted replace all earlier ones. */
    void replaceAll(Map<String, byte[]> loaded) {
        digests = new HashMap<>(loaded);
    }

    /** After a write: the file is now these bytes. */
    void written(String name, byte[] bytes) {
        Map<String, byte[]> next = new HashMap<>(digests);
        next.put(name, sha256(bytes));
        digests = next;
    }

    /** The file's path when it is no longer what was last read or written (changed, or gone). */
    Optional<Path> changed(String name) throws IOException {
        Path file = dir.resolve(name);
        byte[] known = digests.get(name);
        byte[] now;
        try {
            now = sha256(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.of(file);
        }
        return known != null && Arrays.equals(known, now) ? Optional.empty() : Optional.of(file);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

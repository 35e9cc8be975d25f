package org.mtcgate.map.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * jSS7 management objects write their configuration to XML files in a persist dir and reload them on start
 * (default: the working directory). The node configures every stack from its own config, so stale files are
 * removed before start: otherwise yesterday's associations and rules would come back beside today's.
 */
final class PersistDir {
    private PersistDir() {
    }

    /** Creates {@code dir} if needed and deletes the XML files directly in it; returns its absolute path. */
    static String prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path file : stale) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir.toAbsolutePath().toString();
    }
}

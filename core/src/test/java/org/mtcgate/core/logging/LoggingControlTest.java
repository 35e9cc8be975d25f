package org.mtcgate.core.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.LoggingSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging section on the live log4j context: levels, the rotated file, a change at run time, and the undo. */
class LoggingControlTest {
    @TempDir
    Path dir;

    @Test
    void levelsAndFileApplyAndCloseRestores() throws Exception {
        Logger diameter = LogManager.getLogger("org.mtcgate.diameter.peer.Sample");
        Logger map = LogManager.getLogger("org.mtcgate.map.stack.Sample");
        Level mapBefore = map.getLevel();
        Path file = dir.resolve("log/mtcgate.log");
        try (LoggingControl control = LoggingControl.apply(new LoggingSettings(null, Map.of("diameter", "debug"), true,
                new LoggingSettings.LogFile(file, 2048, 2)))) {
            assertEquals(Level.DEBUG, diameter.getLevel());
            diameter.debug("a debug line from diameter");
            map.debug("a debug line from map, below its level");
            for (int i = 0; i < 100; i++) {
                map.info("line {} that fills the file past its size so that it rotates", i);
            }
            String log = String.join("\n", Files.readAllLines(file)) + (Files.exists(dir.resolve("log/mtcgate.log.1"))
                    ? String.join("\n", Files.readAllLines(dir.resolve("log/mtcgate.log.1"))) : "");
            assertTrue(Files.exists(dir.resolve("log/mtcgate.log.1")) && Files.exists(dir.resolve("log/mtcgate.log.2")),
                    "rotated at 2 KB, two kept");
            assertFalse(Files.exists(dir.resolve("log/mtcgate.log.3")), "no more than two kept");
            assertFalse(log.contains("below its level"), log);
            assertTrue(Files.readAllLines(file).get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO .*"),
                    "ISO 8601 with date and offset: " + Files.readAllLines(file).get(0));

            control.level("map", "warn");
            assertEquals(Level.WARN, map.getLevel());
            control.rootLevel("error");
            List<String> shown = control.describe();
            assertTrue(shown.contains(String.format("%-10s %-6s %s", "map", "warn", "org.mtcgate.map")), String.join("\n", shown));
            assertTrue(shown.contains(String.format("%-10s %-6s %s", "(root)", "error", "every other logger")), String.join("\n", shown));
            assertTrue(shown.contains("file: " + file + ", rotated at 2048 bytes, 2 kept"), String.join("\n", shown));
            assertThrows(IllegalArgumentException.class, () -> control.level("map", "loud"));
            assertThrows(IllegalArgumentException.class, () -> control.level("mapp", "info"));
        }
        assertEquals(mapBefore, map.getLevel(), "closing puts back what log4j2 configured");
        assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
        long size = Files.size(file);
        map.warn("after close");
        assertEquals(size, Files.size(file), "the file appender is gone");
    }
}

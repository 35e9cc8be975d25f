package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.core.config.NodeConfigFileTest.parse;
import static org.mtcgate.core.config.NodeConfigFileTest.refuse;

/** The {@code logging:} section: defaults, every field, and each mistake named with file, line and field. */
class LoggingConfigTest {
    private static final String NODE = "roles: [sms-router]\npolicy: p.yaml\n"
            + "ss7: {local-gt: \"4917\", association: {local: \"127.0.0.1:1\", remote: \"127.0.0.1:2\"}}\n"
            + "sms-router: {home-mcc-mnc: \"26201\"}\n";

    @Test
    void withoutASectionLog4jConfigStandsOnStandardError() throws Exception {
        LoggingSettings l = parse(NODE).logging();
        assertNull(l.rootLevel());
        assertEquals(Map.of(), l.components());
        assertTrue(l.console());
        assertNull(l.file());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        LoggingSettings l = parse(NODE + """
                logging:
                  level: WARN
                  components: {diameter: debug, jss7: error, smpp: info}
                  console: false
                  file: {path: log/mtcgate.log, max-size: 50MB, max-files: 3}
                """).logging();
        assertEquals("warn", l.rootLevel());
        assertEquals(Map.of("diameter", "debug", "jss7", "error", "smpp", "info"), l.components());
        assertEquals(false, l.console());
        assertEquals(new LoggingSettings.LogFile(Path.of("/lab/config/log/mtcgate.log"), 50L * 1024 * 1024, 3), l.file());
        LoggingSettings.LogFile defaults = parse(NODE + "logging: {file: {path: /var/log/mtcgate.log}}\n").logging().file();
        assertEquals(new LoggingSettings.LogFile(Path.of("/var/log/mtcgate.log"), 100L * 1024 * 1024, 10), defaults);
    }

    @Test
    void mistakesNameFileLineAndField() {
        assertTrue(refuse(NODE + "logging:\n  components: {diamter: debug}\n").getMessage().startsWith(
                "mtcgate.yaml:6: logging.components.diamter: unknown key; expected one of audit, bsf, console, diameter, jss7, map,"),
                refuse(NODE + "logging:\n  components: {diamter: debug}\n").getMessage());
        assertEquals("mtcgate.yaml:6: logging.components.map: 'loud' is not a level (one of off, error, warn, info, debug, trace)",
                refuse(NODE + "logging:\n  components: {map: loud}\n").getMessage());
        assertEquals("mtcgate.yaml:5: logging.level: 'verbose' is not a level (one of off, error, warn, info, debug, trace)",
                refuse(NODE + "logging: {level: verbose}\n").getMessage());
        assertEquals("mtcgate.yaml:6: logging.file.max-size: '10 megs' is not a size such as 512KB, 50MB or 1GB",
                refuse(NODE + "logging:\n  file: {path: a.log, max-size: 10 megs}\n").getMessage());
        assertEquals("mtcgate.yaml:6: logging.file.max-files: 0 is out of range 1 to 1000",
                refuse(NODE + "logging:\n  file: {path: a.log, max-files: 0}\n").getMessage());
        assertTrue(refuse(NODE + "logging:\n  file: {max-files: 2}\n").getMessage().contains("logging.file.path: is required"));
        assertTrue(refuse(NODE + "logging: {console: false}\n").getMessage().contains(
                "logging.console: with 'console: false' and no 'file' the node would log nowhere"));
        assertTrue(refuse(NODE + "logging: {rotate: daily}\n").getMessage().contains("logging.rotate: unknown key"));
    }
}

package org.mtcgate.core.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.core.config.LoggingSettings;
import org.mtcgate.core.console.CommandDispatcher;
import org.mtcgate.core.console.ConsoleCommands;
import org.mtcgate.core.console.ConsoleSession;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code show logging} and {@code logging level} through the console's dispatcher, audited, without SSH. */
class LoggingCommandsTest {
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private LoggingControl logging;
    private CommandDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        logging = LoggingControl.apply(LoggingSettings.DEFAULT);
        ConsoleCommands commands = new ConsoleCommands("1.2.3");
        new LoggingCommands(logging).registerAll(commands);
        dispatcher = new CommandDispatcher(commands, (user, command, outcome) -> audited.add(user + "|" + command + "|" + outcome));
    }

    @AfterEach
    void tearDown() {
        logging.close();
    }

    private String run(String line) {
        StringWriter out = new StringWriter();
        dispatcher.execute(new ConsoleSession("olga", "127.0.0.1:5555", new PrintWriter(out)), line);
        return out.toString();
    }

    @Test
    void aLevelChangesAtRunTimeAndIsAudited() {
        assertEquals("diameter logs at debug now (until the node stops; the config's logging section is unchanged)\n",
                run("logging level diameter DEBUG"));
        assertEquals(Level.DEBUG, LogManager.getLogger("org.mtcgate.diameter.peer.PeerConnection").getLevel());
        String shown = run("show logging");
        assertTrue(shown.contains(String.format("%-10s %-6s %s", "diameter", "debug", "org.mtcgate.diameter")), shown);
        assertTrue(shown.contains("console (standard error): on") && shown.contains("file: none"), shown);
        assertTrue(audited.stream().anyMatch(a -> a.startsWith("olga|logging level diameter DEBUG|")), audited.toString());

        assertTrue(run("logging level diameter loud").contains("'loud' is not a level (one of off, error, warn, info, debug, trace)"));
        assertTrue(run("logging level diamter info").contains("no component 'diamter'"));
        assertTrue(run("logging level diameter").contains("usage: logging level <component> <level>"));
        assertTrue(run("logging level root warn").contains("root logs at warn now"));
        assertEquals(Level.WARN, LogManager.getRootLogger().getLevel());

        logging.close();
        assertEquals(Level.INFO, LogManager.getRootLogger().getLevel(), "put back when the node stops");
    }
}

package org.mtcgate.core.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** '| include' and '| exclude' on any command's output, through the dispatcher. */
class OutputFilterTest {
    private final List<String> audited = new ArrayList<>();
    private CommandDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        ConsoleCommands commands = new ConsoleCommands("1.2.3");
        commands.register(ConsoleCommand.of("show stats", "Counters", (s, args) -> {
            s.println("Tsp: 3 DARs");
            s.println("SMS-SC: 2 attempts");
            s.println("SMS-SC MO: 0 MO-ForwardSM");
            s.out().print("T8: | created=1"); // a last line without its end
        }));
        commands.register(ConsoleCommand.of("show triggers", "By reference", (s, args) -> {
            throw new ConsoleException("usage: show triggers <reference-number>");
        }).withArguments(ArgumentHint.of("<reference-number>")));
        commands.register(ConsoleCommand.of("policy reload", "Reload", (s, args) -> s.println("reloaded")).changingState());
        dispatcher = new CommandDispatcher(commands, (user, command, outcome) -> audited.add(command + "|" + outcome));
    }

    private String run(String line) {
        StringWriter out = new StringWriter();
        ConsoleSession session = new ConsoleSession("alice", "127.0.0.1:5555", new PrintWriter(out));
        dispatcher.execute(session, line);
        return out.toString();
    }

    @Test
    void includeKeepsTheLinesWithTheTextInAnyCase() {
        assertEquals("SMS-SC: 2 attempts\nSMS-SC MO: 0 MO-ForwardSM\n", run("show stats | include sms-sc"));
        assertEquals("T8: | created=1\n", run("sh st | inc \"| created\""), "a quoted '|' is text; the unfinished last line is kept");
    }

    @Test
    void excludeAndChains() {
        assertEquals("Tsp: 3 DARs\nT8: | created=1\n", run("show stats | exclude SMS-SC"));
        assertEquals("SMS-SC: 2 attempts\n", run("show stats | include sms | exclude MO"));
        assertEquals("", run("show stats | include nothing-like-this"));
    }

    @Test
    void errorsAreShownWhateverTheFilterAndAStateChangeIsStillAudited() {
        assertEquals("% usage: show triggers <reference-number>\n", run("show triggers x | include T8"));
        assertEquals("", run("policy reload | include nothing"));
        assertEquals(List.of("policy reload|ok"), audited, "audited as the command, without the filter");
    }

    @Test
    void aBadFilterIsRefusedAndRunsNothing() {
        assertTrue(run("show stats | grep x").startsWith("% '| grep' is not a filter; after '|': include <text> or exclude <text>"));
        assertTrue(run("show stats |").startsWith("% nothing after '|'"));
        assertTrue(run("show stats | include").startsWith("% '| include' needs a text"));
        assertTrue(run("policy reload | grep x").startsWith("% "));
        assertEquals(List.of(), audited, "nothing ran");
        assertTrue(run("show stats | ?").contains("include <text>"));
    }
}

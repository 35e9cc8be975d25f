package org.mtcgate.core.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding, running and auditing commands, without SSH. */
class CommandDispatcherTest {
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> peerArgs = new ArrayList<>();
    private CommandDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        ConsoleCommands commands = new ConsoleCommands("1.2.3");
        commands.register(ConsoleCommand.of("show peers", "Diameter and M3UA peers", (s, args) -> {
            peerArgs.add(args);
            s.println("peer-a up");
        }).withArguments(ArgumentHint.of("[name]", () -> List.of("peer-a", "peer-b"))));
        commands.register(ConsoleCommand.of("show stats", "Counters", (s, args) -> s.println("0 verdicts")));
        commands.register(ConsoleCommand.of("policy reload", "Reload the policy", (s, args) -> s.println("reloaded"))
                .changingState());
        commands.register(ConsoleCommand.of("policy fail", "Refuses", (s, args) -> {
            throw new ConsoleException("policy file is broken");
        }).changingState().withArguments(ArgumentHint.of("[reason]")));
        commands.register(ConsoleCommand.of("stop", "Stop the node", (s, args) -> {
            throw new IllegalStateException("boom");
        }).changingState());
        dispatcher = new CommandDispatcher(commands, (user, command, outcome) -> audited.add(user + "|" + command + "|" + outcome));
    }

    private String run(String line) {
        StringWriter out = new StringWriter();
        dispatcher.execute(new ConsoleSession("alice", "127.0.0.1:5555", new PrintWriter(out)), line);
        return out.toString();
    }

    @Test
    void fullWordsAndUniquePrefixesFindTheSameCommand() {
        assertEquals("peer-a up\n", run("show peers"));
        assertEquals("peer-a up\n", run("sh pe"));
        assertEquals("peer-a up\n", run("SH PE peer-b"));
        assertEquals(List.of(List.of(), List.of(), List.of("peer-b")), peerArgs);
        assertEquals("mtcgate 1.2.3\n", run("sh ver"));
    }

    @Test
    void quotedArgumentsKeepTheirBlanks() {
        run("show peers \"peer a\" x");
        assertEquals(List.of(List.of("peer a", "x")), peerArgs);
        assertEquals("% unterminated quote\n", run("show peers \"peer"));
    }

    @Test
    void unknownCommandSuggestsTheNearest() {
        assertEquals("% unknown command 'shwo peers'; did you mean 'show peers'?\n", run("shwo peers"));
        assertEquals("% unknown command 'show pears'; did you mean 'show peers'?\n", run("show pears"));
        assertEquals("% unknown command 'frobnicate'; type '?' for the list of commands\n", run("frobnicate"));
    }

    @Test
    void wordsACommandDoesNotTakeAreRefusedNotIgnored() {
        assertEquals("% 'show stats' takes no arguments; 'peers now' is not understood\n", run("show stats peers now"));
        assertEquals("% 'policy reload' takes no arguments; 'x' is not understood\n", run("policy reload x"));
        assertTrue(audited.isEmpty(), "a refused line changed nothing and ran nothing: " + audited);
        assertEquals("% 'show version' takes no arguments; 'full' is not understood\n", run("show version full"));
    }

    @Test
    void ambiguousAndIncompleteCommandsAreExplained() {
        assertEquals("% ambiguous command 's': 's' could be show, stop\n", run("s"));
        assertEquals("% incomplete command 'show'; one of: show peers, show stats, show version, show whoami\n",
                run("show"));
    }

    @Test
    void questionMarkListsWhatMayFollow() {
        String help = run("show ?");
        assertTrue(help.contains("  peers    Diameter and M3UA peers\n"), help);
        assertTrue(help.contains("  whoami   Your user name and address\n"), help);
        assertEquals("  show  then one of: peers, stats, version, whoami\n  stop  Stop the node\n", run("s?"));
        String args = run("show peers ?");
        assertTrue(args.contains("[name]") && args.contains("<cr>"), args);
        assertTrue(run("?").contains("  policy"), "top level lists the first words");
        assertTrue(run("help").matches("(?s).*\n  policy reload +Reload the policy \\(audited\\)\n.*"), run("help"));
        assertEquals(help, run("help show"));
    }

    @Test
    void stateChangingCommandsAreAuditedWithTheirOutcome() {
        run("po rel");
        run("show stats");
        assertEquals("% policy file is broken\n", run("policy fail now"));
        assertEquals(List.of("alice|policy reload|ok", "alice|policy fail now|error: policy file is broken"), audited);
    }

    @Test
    void aFailingHandlerIsReportedAndTheSessionGoesOn() {
        String out = run("stop");
        assertTrue(out.startsWith("% internal error in 'stop': IllegalStateException"), out);
        assertEquals("alice|stop|failed: java.lang.IllegalStateException", audited.get(0));
        assertEquals("0 verdicts\n", run("show stats"));
    }

    @Test
    void hostileInputIsHandled() {
        assertTrue(run("x".repeat(CommandDispatcher.MAX_LINE + 1)).startsWith("% line too long"));
        assertEquals("", run("   "));
        String echoed = run("\u001b[2Jshow");
        assertTrue(echoed.startsWith("% unknown command '?[2Jshow'"), echoed);
        assertTrue(run("a ".repeat(2000)).startsWith("% "));
    }

    @Test
    void completionOffersWordsAndArgumentValues() {
        ConsoleCommands commands = dispatcher.commands();
        assertEquals(List.of("show", "stop"), commands.completions(List.of(), "s"));
        assertEquals(List.of("peers", "stats", "version", "whoami"), commands.completions(List.of("sh"), ""));
        assertEquals(List.of("peer-a", "peer-b"), commands.completions(List.of("show", "peers"), "pe"));
        assertEquals(List.of(), commands.completions(List.of("nonsense"), ""));
    }
}

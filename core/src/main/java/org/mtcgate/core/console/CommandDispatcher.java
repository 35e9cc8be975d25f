package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one typed line: '?' help, finding the command, running it, reporting a failure to the operator, and
 * auditing commands that change state. Nothing typed can make it throw: a failing handler is reported to the
 * session and logged, and the session goes on.
 */
public final class CommandDispatcher {
    private static final Logger LOG = LogManager.getLogger(CommandDispatcher.class);
    /** Longer lines are refused unread: no command needs them and they only cost work. */
    public static final int MAX_LINE = 4096;

    private final ConsoleCommands commands;
    private final ConsoleAuditor auditor;

    public CommandDispatcher(ConsoleCommands commands, ConsoleAuditor auditor) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    public ConsoleCommands commands() {
        return commands;
    }

    /** Runs the line in the session and flushes its output. */
    /** Runs one line; true when it ran without error (an empty line or help counts as success). */
    public boolean execute(ConsoleSession session, String line) {
        try {
            return run(session, line);
        } finally {
            session.out().flush();
        }
    }

    private boolean run(ConsoleSession session, String line) {
        if (line.length() > MAX_LINE) {
            session.println("% line too long (" + line.length() + " characters; at most " + MAX_LINE + ")");
            return false;
        }
        OutputFilter filter;
        try {
            filter = OutputFilter.parse(line);
        } catch (ConsoleException e) {
            session.println("% " + e.getMessage());
            return false;
        }
        if (filter.filters() > 0) {
            return filtered(session, filter, line);
        }
        List<String> words;
        try {
            words = CommandLineTokenizer.split(line);
        } catch (ConsoleException e) {
            session.println("% " + e.getMessage());
            return false;
        }
        if (words.isEmpty()) {
            return true;
        }
        String last = words.get(words.size() - 1);
        if (last.endsWith("?")) {
            help(session, words.subList(0, words.size() - 1), last.substring(0, last.length() - 1));
            return true;
        }
        ConsoleCommands.Resolution found = commands.resolve(words);
        if (found.command() == null) {
            session.println("% " + found.error());
            return false;
        }
        if (found.command().interactiveOnly() && !session.interactive()) {
            session.println("% '" + found.command().path() + "' needs an interactive session: ssh without a command");
            return false;
        }
        return run(session, found.command(), found.args());
    }

    /** Runs the command before the '|' with only the lines the filters keep shown; error lines ('%') always show. */
    private boolean filtered(ConsoleSession session, OutputFilter filter, String line) {
        if (line.stripTrailing().endsWith("?")) {
            session.println("  include <text>   only the lines that contain the text (any case)");
            session.println("  exclude <text>   only the lines that do not");
            return true;
        }
        java.util.function.Predicate<String> keep = filter.keep();
        FilteredOutput out = new FilteredOutput(session.out(), l -> l.startsWith("% ") || keep.test(l));
        ConsoleSession inner = session.withOutput(new java.io.PrintWriter(out));
        try {
            return run(inner, filter.command());
        } finally {
            inner.out().close();
            if (inner.exitRequested()) {
                session.requestExit();
            }
        }
    }

    /** The lines '?' shows after the given words, for a word beginning with {@code partial}. */
    void help(ConsoleSession session, List<String> words, String partial) {
        try {
            List<ConsoleCommands.HelpLine> lines = commands.describe(words, partial);
            if (lines.isEmpty()) {
                session.println("% nothing matches '" + CommandLineTokenizer.printable(partial) + "'");
            } else {
                ConsoleCommands.printHelp(session, lines);
            }
        } catch (ConsoleException e) {
            session.println("% " + e.getMessage());
        }
    }

    private boolean run(ConsoleSession session, ConsoleCommand command, List<String> args) {
        String outcome;
        boolean ok = false;
        try {
            command.handler().handle(session, args);
            outcome = "ok";
            ok = true;
        } catch (ConsoleException e) {
            session.println("% " + e.getMessage());
            outcome = "error: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("console command '{}' of {} failed", command.path(), session.user(), e);
            session.println("% internal error in '" + command.path() + "': " + e.getClass().getSimpleName()
                    + " (details in the node log)");
            outcome = "failed: " + e.getClass().getName();
        }
        if (command.changesState()) {
            List<String> full = new ArrayList<>(command.words());
            full.addAll(args);
            try {
                auditor.record(session.user(), CommandLineTokenizer.join(full), outcome);
            } catch (RuntimeException e) {
                LOG.error("could not audit console command '{}' of {}", command.path(), session.user(), e);
            }
        }
        return ok;
    }
}

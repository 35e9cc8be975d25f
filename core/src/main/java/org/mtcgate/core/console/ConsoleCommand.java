package org.mtcgate.core.console;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One console command: its words ({@code show peers}), a one-line help, what it takes after its words, whether it
 * changes the node's state (then every use is audited), whether it only makes sense in an interactive session
 * (a trace prints after the command returns, so {@code ssh node trace on ...} could show nothing), and its handler.
 */
public record ConsoleCommand(List<String> words, String help, ArgumentHint arguments, boolean changesState,
                             boolean interactiveOnly, CommandHandler handler) {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    public ConsoleCommand {
        words = List.copyOf(words);
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(handler, "handler");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        for (String w : words) {
            if (!WORD.matcher(w).matches()) {
                throw new IllegalArgumentException("command word '" + w + "' is not lower-case letters, digits and '-'");
            }
        }
    }

    /** A read-only command without arguments; {@code path} is its words separated by spaces. */
    public static ConsoleCommand of(String path, String help, CommandHandler handler) {
        return new ConsoleCommand(List.of(path.trim().toLowerCase(Locale.ROOT).split("\\s+")), help,
                ArgumentHint.NONE, false, false, handler);
    }

    /** The same command, audited as changing state. */
    public ConsoleCommand changingState() {
        return new ConsoleCommand(words, help, arguments, true, interactiveOnly, handler);
    }

    /** The same command, refused when run as a single SSH command (exec) rather than in a shell. */
    public ConsoleCommand interactive() {
        return new ConsoleCommand(words, help, arguments, changesState, true, handler);
    }

    /** The same command, taking arguments. */
    public ConsoleCommand withArguments(ArgumentHint hint) {
        return new ConsoleCommand(words, help, hint, changesState, interactiveOnly, handler);
    }

    /** The words joined by spaces, as typed in full. */
    public String path() {
        return String.join(" ", words);
    }

    /** The path with its argument syntax, for help listings. */
    public String usage() {
        return arguments.takesArguments() ? path() + " " + arguments.syntax() : path();
    }
}

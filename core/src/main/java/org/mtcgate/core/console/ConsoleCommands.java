package org.mtcgate.core.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The console's commands, found by their words as a router CLI finds them: a unique prefix of each word is
 * enough ({@code sh pe} is {@code show peers}), {@code WORD ?} lists what may follow. The built-in commands
 * ({@code help}, {@code exit}, {@code quit}, {@code show version}, {@code show whoami}) are always present.
 *
 * <p>Commands may be registered while sessions run: the set is an immutable snapshot behind a volatile
 * reference, replaced whole on each registration.
 */
public final class ConsoleCommands {
    /** What '?' lists when a command is complete and may be run as typed. */
    static final String RUN_MARK = "<cr>";

    private volatile Map<String, ConsoleCommand> byPath = Map.of();

    /** @param nodeVersion shown by {@code show version} */
    public ConsoleCommands(String nodeVersion) {
        Objects.requireNonNull(nodeVersion, "nodeVersion");
        register(ConsoleCommand.of("help", "List commands; 'help WORDS' or 'WORDS ?' lists what may follow",
                (s, args) -> help(s, args)).withArguments(ArgumentHint.of("[words]")));
        register(ConsoleCommand.of("exit", "Close this session", (s, args) -> s.requestExit()));
        register(ConsoleCommand.of("quit", "Close this session", (s, args) -> s.requestExit()));
        register(ConsoleCommand.of("show version", "Software version of this node",
                (s, args) -> s.println("mtcgate " + nodeVersion)));
        register(ConsoleCommand.of("show whoami", "Your user name and address",
                (s, args) -> s.println(s.user() + " from " + s.remoteAddress())));
    }

    /** Adds a command; refuses one whose words are already taken. */
    public synchronized void register(ConsoleCommand command) {
        Map<String, ConsoleCommand> next = new TreeMap<>(byPath);
        if (next.putIfAbsent(command.path(), command) != null) {
            throw new IllegalArgumentException("command '" + command.path() + "' is already registered");
        }
        byPath = Map.copyOf(next);
    }

    /** All commands, sorted by their words. */
    public List<ConsoleCommand> all() {
        return new TreeMap<>(byPath).values().stream().toList();
    }

    /** The command with exactly these words, or null. */
    public ConsoleCommand find(String path) {
        return byPath.get(path);
    }

    /**
     * Finds the command named by the leading words of a typed line; the remaining words are its arguments.
     * Each word may be a unique prefix; a word that names a sub-command wins over taking it as an argument.
     */
    public Resolution resolve(List<String> typed) {
        return resolve(typed, true);
    }

    private Resolution resolve(List<String> typed, boolean suggest) {
        Map<String, ConsoleCommand> snapshot = byPath; // one consistent set while commands are registered
        Collection<ConsoleCommand> commands = snapshot.values();
        List<String> path = new ArrayList<>();
        int i = 0;
        while (i < typed.size()) {
            Map<String, List<ConsoleCommand>> next = nextWords(commands, path);
            List<String> matches = matching(next, typed.get(i));
            if (matches.size() == 1) {
                path.add(matches.get(0));
                i++;
                continue;
            }
            if (snapshot.containsKey(String.join(" ", path))) {
                break; // the rest are arguments of a complete command
            }
            String shown = CommandLineTokenizer.printable(CommandLineTokenizer.join(typed));
            if (matches.isEmpty()) {
                return Resolution.failed("unknown command '" + shown + "'"
                        + (suggest ? suggestion(next, path, typed, i) : ""));
            }
            return Resolution.failed("ambiguous command '" + shown + "': '"
                    + CommandLineTokenizer.printable(typed.get(i)) + "' could be " + String.join(", ", matches));
        }
        ConsoleCommand command = snapshot.get(String.join(" ", path));
        if (command == null) {
            List<String> options = nextWords(commands, path).values().stream().flatMap(List::stream)
                    .map(ConsoleCommand::path).sorted().toList();
            return Resolution.failed("incomplete command '" + String.join(" ", path) + "'; one of: "
                    + String.join(", ", options));
        }
        if (i < typed.size() && !command.arguments().takesArguments()) {
            // A word the command does not take is a mistake (a typo, a command that does not exist); running the
            // command as if it were not there would answer a question the operator did not ask.
            return Resolution.failed("'" + command.path() + "' takes no arguments; '"
                    + CommandLineTokenizer.printable(CommandLineTokenizer.join(typed.subList(i, typed.size())))
                    + "' is not understood");
        }
        return new Resolution(command, List.copyOf(typed.subList(i, typed.size())), null);
    }

    /**
     * What may follow the given words, as a router's '?' shows it: each possible next word with its help (or the
     * command's argument syntax and {@code <cr>} once a command is complete), limited to those starting with
     * {@code partial}.
     */
    public List<HelpLine> describe(List<String> typed, String partial) throws ConsoleException {
        Map<String, ConsoleCommand> snapshot = byPath; // one consistent set while commands are registered
        Collection<ConsoleCommand> commands = snapshot.values();
        List<String> path = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            List<String> matches = matching(nextWords(commands, path), typed.get(i));
            if (matches.size() != 1) {
                if (snapshot.containsKey(String.join(" ", path))) {
                    return argumentHelp(snapshot.get(String.join(" ", path)), partial);
                }
                Resolution r = resolve(typed);
                throw new ConsoleException(r.error() != null ? r.error() : "no such command");
            }
            path.add(matches.get(0));
        }
        List<HelpLine> lines = new ArrayList<>();
        String prefix = partial.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<ConsoleCommand>> e : nextWords(commands, path).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                lines.add(new HelpLine(e.getKey(), summary(path, e.getValue())));
            }
        }
        ConsoleCommand complete = snapshot.get(String.join(" ", path));
        if (complete != null && !path.isEmpty()) {
            lines.addAll(argumentHelp(complete, partial));
        }
        return lines;
    }

    /** The words (and argument values) that may come next after the typed words, starting with {@code partial}. */
    public List<String> completions(List<String> typed, String partial) {
        try {
            List<String> words = new ArrayList<>();
            for (HelpLine line : describe(typed, partial)) {
                if (!line.word().startsWith("<") && !line.word().startsWith("[")) {
                    words.add(line.word());
                }
            }
            Resolution r = resolve(typed);
            if (r.command() != null) {
                for (String value : r.command().arguments().candidates().get()) {
                    if (value.startsWith(partial) && !words.contains(value)) {
                        words.add(value);
                    }
                }
            }
            return words;
        } catch (ConsoleException | RuntimeException e) {
            return List.of(); // completion never fails a session; the operator sees the error on Enter
        }
    }

    private void help(ConsoleSession session, List<String> args) throws ConsoleException {
        if (!args.isEmpty()) {
            printHelp(session, describe(args, ""));
            return;
        }
        List<HelpLine> lines = all().stream().map(c -> new HelpLine(c.usage(), c.help()
                + (c.changesState() ? " (audited)" : ""))).toList();
        session.println("Commands (a unique prefix of each word is enough; 'WORDS ?' lists what may follow):");
        printHelp(session, lines);
    }

    static void printHelp(ConsoleSession session, List<HelpLine> lines) {
        int width = lines.stream().mapToInt(l -> l.word().length()).max().orElse(0);
        for (HelpLine l : lines) {
            session.println("  " + pad(l.word(), width) + "  " + l.help());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private List<HelpLine> argumentHelp(ConsoleCommand command, String partial) {
        List<HelpLine> lines = new ArrayList<>();
        if (command.arguments().takesArguments()) {
            lines.add(new HelpLine(command.arguments().syntax(), command.help()));
        }
        if (partial.isEmpty()) {
            lines.add(new HelpLine(RUN_MARK, command.arguments().takesArguments() ? "run it" : command.help()));
        }
        return lines;
    }

    /** The help of a next word: its command's help, or the words that may follow it. */
    private static String summary(List<String> path, List<ConsoleCommand> below) {
        String own = null;
        List<String> after = new ArrayList<>();
        for (ConsoleCommand c : below) {
            if (c.words().size() == path.size() + 1) {
                own = c.help();
            } else if (!after.contains(c.words().get(path.size() + 1))) {
                after.add(c.words().get(path.size() + 1));
            }
        }
        after.sort(null);
        if (after.isEmpty()) {
            return own;
        }
        String subs = "then one of: " + String.join(", ", after);
        return own == null ? subs : own + "; or " + subs;
    }

    /** Next words after {@code path}, each with the commands below it. */
    private static Map<String, List<ConsoleCommand>> nextWords(Collection<ConsoleCommand> commands, List<String> path) {
        Map<String, List<ConsoleCommand>> next = new TreeMap<>();
        for (ConsoleCommand c : commands) {
            List<String> w = c.words();
            if (w.size() > path.size() && w.subList(0, path.size()).equals(path)) {
                next.computeIfAbsent(w.get(path.size()), k -> new ArrayList<>()).add(c);
            }
        }
        return next;
    }

    /** The exact word if there is one, else all words the typed text is a prefix of. */
    private static List<String> matching(Map<String, List<ConsoleCommand>> next, String typedWord) {
        String t = typedWord.toLowerCase(Locale.ROOT);
        if (next.containsKey(t)) {
            return List.of(t);
        }
        if (t.isEmpty()) {
            return List.of();
        }
        return next.keySet().stream().filter(w -> w.startsWith(t)).toList();
    }

    /**
     * "; did you mean 'show peers'?": the typed line with the word that failed at {@code index} replaced by the
     * nearest words that may stand there, or a pointer to '?' when none is near.
     */
    private String suggestion(Map<String, List<ConsoleCommand>> next, List<String> path, List<String> typed, int index) {
        List<String> near = Suggestions.nearest(next.keySet(), typed.get(index));
        if (near.isEmpty()) {
            return "; type '?' for the list of commands";
        }
        List<String> lines = new ArrayList<>();
        for (String word : near) {
            List<String> corrected = new ArrayList<>(path);
            corrected.add(word);
            corrected.addAll(typed.subList(index + 1, typed.size()));
            Resolution r = resolve(corrected, false); // one level: no suggestions of suggestions
            String line = r.command() == null ? CommandLineTokenizer.join(corrected)
                    : CommandLineTokenizer.join(concat(r.command().words(), r.args()));
            lines.add("'" + CommandLineTokenizer.printable(line) + "'");
        }
        return "; did you mean " + String.join(" or ", lines) + "?";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A command found for a typed line, with its arguments, or the reason none was found. */
    public record Resolution(ConsoleCommand command, List<String> args, String error) {
        static Resolution failed(String error) {
            return new Resolution(null, List.of(), error);
        }
    }

    /** One line of '?' help: a word (or argument syntax, or {@code <cr>}) and what it does. */
    public record HelpLine(String word, String help) {
    }
}

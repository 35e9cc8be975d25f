package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One interactive console session over an SSH shell channel: a JLine line reader with the {@code mtcgate> }
 * prompt, completion, history and '?' help, running commands through the dispatcher on its own thread.
 */
final class ConsoleShell extends ConsoleChannelCommand {
    static final String PROMPT = "mtcgate> ";
    private static final Logger LOG = LogManager.getLogger(ConsoleShell.class);
    private static final String HELP_WIDGET = "mtcgate-help";
    private static final int HISTORY_SIZE = 500;

    private final CommandDispatcher dispatcher;
    private final ExecutorService executor;
    private final AtomicInteger activeShells;
    private final int maxShells;
    private InputStream in;
    private volatile Terminal terminal;

    ConsoleShell(CommandDispatcher dispatcher, ExecutorService executor, AtomicInteger activeShells, int maxShells) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.activeShells = activeShells;
        this.maxShells = maxShells;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        if (activeShells.incrementAndGet() > maxShells) {
            activeShells.decrementAndGet();
            refuse("% too many console sessions; try again later\r\n");
            return;
        }
        if (!runOff(channel, executor, (user, remote) -> run(user, remote, env))) {
            activeShells.decrementAndGet();
            refuse("% the console is shutting down\r\n");
        }
    }

    private void refuse(String message) throws IOException {
        out().write(message.getBytes(StandardCharsets.UTF_8));
        out().flush();
        exitCallback().onExit(1, message.trim());
    }

    private void run(String user, String remote, Environment env) {
        int exitCode = 0;
        try (Terminal t = openTerminal(user, env)) {
            terminal = t;
            env.addSignalListener((channel, signal) -> {
                t.setSize(size(env));
                t.raise(Terminal.Signal.WINCH);
            }, Signal.WINCH);
            LineReader reader = lineReader(t);
            ConsoleSession session = new ConsoleSession(user, remote, t.writer(), true, reader::printAbove);
            session.println("mtcgate console; '?' or 'help' lists commands, Tab completes, 'exit' leaves.");
            t.flush();
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line, as a shell does
                } catch (EndOfFileException e) {
                    break;
                }
                dispatcher.execute(session, line);
            }
        } catch (IOException | RuntimeException e) {
            // a closed channel surfaces here as an I/O error from JLine; nothing the operator can still see
            LOG.debug("console session of {} from {} ended: {}", user, remote, e.toString());
            exitCode = 1;
        } finally {
            activeShells.decrementAndGet();
            exitCallback().onExit(exitCode);
        }
    }

    private Terminal openTerminal(String user, Environment env) throws IOException {
        String type = env.getEnv().getOrDefault(Environment.ENV_TERM, "dumb");
        Attributes attributes = new Attributes();
        attributes.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ISIG, Attributes.LocalFlag.ICANON,
                Attributes.LocalFlag.ECHO, Attributes.LocalFlag.IEXTEN), true);
        attributes.setInputFlags(EnumSet.of(Attributes.InputFlag.ICRNL), true);
        attributes.setOutputFlags(EnumSet.of(Attributes.OutputFlag.OPOST, Attributes.OutputFlag.ONLCR), true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
        attributes.setControlChar(Attributes.ControlChar.VERASE, 127);
        return new ExternalTerminal(null, "mtcgate-" + user, type, in, out(), StandardCharsets.UTF_8,
                Terminal.SignalHandler.SIG_DFL, false, attributes, size(env));
    }

    private static Size size(Environment env) {
        return new Size(number(env, Environment.ENV_COLUMNS, 80), number(env, Environment.ENV_LINES, 24));
    }

    private static int number(Environment env, String name, int otherwise) {
        try {
            int n = Integer.parseInt(env.getEnv().getOrDefault(name, ""));
            return n > 0 && n < 10_000 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private LineReader lineReader(Terminal t) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(t)
                .appName("mtcgate")
                .completer(new ConsoleCompleter(dispatcher.commands()))
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is not history expansion
                .build();
        // '?' shows what may come next without losing the line, as on a router; inside quotes it is a '?'
        reader.getWidgets().put(HELP_WIDGET, () -> {
            String typed = reader.getBuffer().upToCursor();
            if (typed.chars().filter(c -> c == '"').count() % 2 == 1) {
                reader.getBuffer().write('?');
                return true;
            }
            reader.printAbove(helpText(typed));
            return true;
        });
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        main.bind(new Reference(HELP_WIDGET), "?");
        return reader;
    }

    /** The '?' help for a partly typed line, as text. */
    private String helpText(String typed) {
        StringWriter text = new StringWriter();
        ConsoleSession scratch = new ConsoleSession("", "", new PrintWriter(text));
        List<String> words;
        try {
            words = CommandLineTokenizer.split(typed);
        } catch (ConsoleException e) {
            return "% " + e.getMessage();
        }
        boolean startsNewWord = typed.isEmpty() || Character.isWhitespace(typed.charAt(typed.length() - 1));
        String partial = startsNewWord || words.isEmpty() ? "" : words.get(words.size() - 1);
        List<String> before = startsNewWord || words.isEmpty() ? words : words.subList(0, words.size() - 1);
        dispatcher.help(scratch, before, partial);
        scratch.out().flush();
        String s = text.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void destroy(ChannelSession channel) throws Exception {
        Terminal t = terminal;
        if (t != null) {
            t.close(); // ends readLine with an error, so the session's thread finishes
        }
    }
}

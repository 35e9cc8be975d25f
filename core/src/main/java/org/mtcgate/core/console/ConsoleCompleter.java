package org.mtcgate.core.console;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/** Tab completion of command words (and of argument values a command offers) for JLine. */
final class ConsoleCompleter implements Completer {
    private final ConsoleCommands commands;

    ConsoleCompleter(ConsoleCommands commands) {
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        String word = line.word() == null ? "" : line.word();
        String partial = word.substring(0, Math.min(line.wordCursor(), word.length()));
        for (String value : commands.completions(before, partial)) {
            candidates.add(new Candidate(value, value, null, null, null, null, true));
        }
    }
}

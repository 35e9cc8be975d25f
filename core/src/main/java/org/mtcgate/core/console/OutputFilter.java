package org.mtcgate.core.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code COMMAND | include TEXT} and {@code | exclude TEXT}, as on a router: only the output lines that contain (or do
 * not contain) the text, ignoring case. Filters chain left to right ({@code show stats | include sms | exclude mo}).
 * A '|' inside double quotes is part of a word, not a filter.
 *
 * @param command the line before the first filter
 * @param keep    which output lines are shown
 * @param filters how many filters there are (0: the line is a plain command)
 */
record OutputFilter(String command, Predicate<String> keep, int filters) {
    static final String USAGE = "after '|': include <text> or exclude <text>";

    /** Splits a typed line at its unquoted '|'s. */
    static OutputFilter parse(String line) throws ConsoleException {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                part.append(c).append(line.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '|' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        Predicate<String> keep = s -> true;
        for (String spec : parts.subList(1, parts.size())) {
            keep = keep.and(filter(spec));
        }
        return new OutputFilter(parts.get(0), keep, parts.size() - 1);
    }

    private static Predicate<String> filter(String spec) throws ConsoleException {
        List<String> words = CommandLineTokenizer.split(spec);
        if (words.isEmpty()) {
            throw new ConsoleException("nothing after '|'; " + USAGE);
        }
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        if (words.size() < 2) {
            throw new ConsoleException("'| " + CommandLineTokenizer.printable(verb) + "' needs a text; " + USAGE);
        }
        String text = String.join(" ", words.subList(1, words.size())).toLowerCase(Locale.ROOT);
        // A unique prefix is enough, as for command words: 'inc', 'ex'.
        if (!verb.isEmpty() && "include".startsWith(verb)) {
            return s -> s.toLowerCase(Locale.ROOT).contains(text);
        }
        if (!verb.isEmpty() && "exclude".startsWith(verb)) {
            return s -> !s.toLowerCase(Locale.ROOT).contains(text);
        }
        throw new ConsoleException("'| " + CommandLineTokenizer.printable(verb) + "' is not a filter; " + USAGE);
    }
}

package org.mtcgate.core.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed line into words: blanks separate, double quotes keep blanks in one word, and inside quotes a
 * backslash escapes the next character.
 */
final class CommandLineTokenizer {
    private CommandLineTokenizer() {
    }

    static List<String> split(String line) throws ConsoleException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new ConsoleException("unterminated quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Joins words back into a line, quoting those that need it, for audit records and messages. */
    static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (w.isEmpty() || w.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
                sb.append('"').append(w.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(w);
            }
        }
        return sb.toString();
    }

    /** The text with control characters replaced, so that echoing untrusted input cannot drive the terminal. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}

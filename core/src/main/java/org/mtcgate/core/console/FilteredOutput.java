package org.mtcgate.core.console;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Predicate;

/**
 * A writer that passes on only the whole lines a filter keeps. A line is judged once it ends; {@link #close()} judges
 * what is left without an end, so the last line of a command that does not end it is not lost. Not thread-safe: one
 * command writes to it.
 */
final class FilteredOutput extends Writer {
    private final PrintWriter target;
    private final Predicate<String> keep;
    private final StringBuilder line = new StringBuilder();

    FilteredOutput(PrintWriter target, Predicate<String> keep) {
        this.target = target;
        this.keep = keep;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                String whole = line.toString();
                line.setLength(0);
                if (keep.test(whole)) {
                    target.println(whole);
                }
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    /** Judges the unfinished last line, then flushes; the target stays open (it is the session's). */
    @Override
    public void close() {
        if (line.length() > 0) {
            String rest = line.toString();
            line.setLength(0);
            if (keep.test(rest)) {
                target.println(rest);
            }
        }
        target.flush();
    }
}

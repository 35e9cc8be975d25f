package org.mtcgate.lab.cli;

import java.io.PrintWriter;

/** One-line results from any thread (jSS7 callbacks included), flushed at once so a lab sees them live. */
final class SimLines {
    private final PrintWriter out;

    SimLines(PrintWriter out) {
        this.out = out;
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }
}

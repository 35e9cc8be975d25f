package org.mtcgate.core.console;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/** One operator's session as a command sees it: who is logged in, from where, and where output goes. */
public final class ConsoleSession {
    private final String user;
    private final String remoteAddress;
    private final PrintWriter out;
    private final boolean interactive;
    private final Consumer<String> asyncLines;
    private volatile boolean exitRequested;

    /** An interactive session (a shell). */
    public ConsoleSession(String user, String remoteAddress, PrintWriter out) {
        this(user, remoteAddress, out, true);
    }

    /** {@code interactive} false: one command given on the ssh command line, then the session ends. */
    public ConsoleSession(String user, String remoteAddress, PrintWriter out, boolean interactive) {
        this(user, remoteAddress, out, interactive, null);
    }

    /**
     * @param asyncLines how lines that arrive between commands (traces) are shown; a shell prints them above
     *                   its prompt and redraws the line being typed. Null: printed to {@code out}.
     */
    public ConsoleSession(String user, String remoteAddress, PrintWriter out, boolean interactive,
                          Consumer<String> asyncLines) {
        this.user = Objects.requireNonNull(user, "user");
        this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.asyncLines = asyncLines != null ? asyncLines : this::printNow;
    }

    /** The same session writing to {@code other} (a filtered view of its output); traces still go where they went. */
    ConsoleSession withOutput(PrintWriter other) {
        return new ConsoleSession(user, remoteAddress, other, interactive, asyncLines);
    }

    private void printNow(String line) {
        out.println(line);
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new java.io.IOException("the console session's output is closed"));
        }
    }

    /**
     * Prints a line that is not the answer to a command (a trace), from any thread; throws when the session
     * has gone, so the caller can stop sending it lines.
     */
    public void printAsync(String line) {
        asyncLines.accept(line);
    }

    /** True in a shell; false for a single command run through SSH exec. */
    public boolean interactive() {
        return interactive;
    }

    /** The authenticated user name. */
    public String user() {
        return user;
    }

    /** The client's address, as text. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The session's output; lines end with '\n' (the terminal adds '\r'). */
    public PrintWriter out() {
        return out;
    }

    public void println(String line) {
        out.println(line);
    }

    /** Ends the session after the current command. */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }
}

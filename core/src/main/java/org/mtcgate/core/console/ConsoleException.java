package org.mtcgate.core.console;

/** A command that cannot do what was asked; the message is shown to the operator after "% ". */
public final class ConsoleException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}

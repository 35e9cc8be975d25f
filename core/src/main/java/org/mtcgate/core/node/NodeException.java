package org.mtcgate.core.node;

/** The node cannot start, with a message an operator can act on (which setting, which file, which port). */
public final class NodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

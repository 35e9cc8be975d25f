package org.mtcgate.lab.gba;

/** Bootstrapping did not succeed; the message says where and why. */
public final class GbaUeException extends Exception {
    private static final long serialVersionUID = 1L;

    public GbaUeException(String message) {
        super(message);
    }

    public GbaUeException(String message, Throwable cause) {
        super(message, cause);
    }
}

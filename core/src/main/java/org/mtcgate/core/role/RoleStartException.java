package org.mtcgate.core.role;

/** A role or endpoint could not start; the message names the config field and the cause, for the operator. */
public final class RoleStartException extends Exception {
    public RoleStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public RoleStartException(String message) {
        super(message);
    }
}

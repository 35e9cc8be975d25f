package org.mtcgate.core.store;

/** A store cannot be opened; the message names the place and the damage, for the operator. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

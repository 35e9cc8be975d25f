package org.mtcgate.bsf.ub;

/** A Ub request this BSF cannot read: answered 400 with the message, never a crash. */
public final class UbRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UbRequestException(String message) {
        super(message, null, false, false);
    }
}

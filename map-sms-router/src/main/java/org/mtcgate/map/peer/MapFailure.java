package org.mtcgate.map.peer;

import java.util.OptionalLong;

/**
 * A MAP operation that did not return a result: a MAP error (TS 29.002 clause 17.6), a reject, a timeout, or
 * a dialog that was refused, aborted or released without an answer.
 */
public final class MapFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** How the operation failed. */
    public enum Kind { MAP_ERROR, REJECT, INVOKE_TIMEOUT, DIALOG_REFUSED, DIALOG_ABORTED, NO_ANSWER }

    private final Kind kind;
    private final Long errorCode;

    MapFailure(Kind kind, Long errorCode, String message) {
        super(message);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    static MapFailure error(long errorCode, String description) {
        return new MapFailure(Kind.MAP_ERROR, errorCode, "MAP error " + errorCode + ": " + description);
    }

    static MapFailure of(Kind kind, String message) {
        return new MapFailure(kind, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The MAP error code (e.g. 1 unknownSubscriber, 6 absentSubscriberSM) when {@link #kind()} is MAP_ERROR. */
    public OptionalLong errorCode() {
        return errorCode == null ? OptionalLong.empty() : OptionalLong.of(errorCode);
    }
}

package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;

/**
 * How one of this node's own MAP operations ended, the one classification every MAP client here uses: its result,
 * the MAP error the peer returned (kept whole so that it can be relayed unchanged), or a failure without a MAP
 * error, of one {@link Kind}.
 */
public sealed interface MapOutcome<T> {
    /** What kind of end it was; {@link #RESULT} and {@link #MAP_ERROR} are the two that carry an answer. */
    enum Kind {
        RESULT, MAP_ERROR,
        /** The peer rejected the invoke (TC-REJECT), or its answer was rejected here. */
        REJECT,
        /** No answer within the invoke timer. */
        INVOKE_TIMEOUT,
        /** The peer refused the dialog (MAP-REFUSE: wrong context, no reason, ...). */
        DIALOG_REFUSED,
        USER_ABORT, PROVIDER_ABORT,
        /** The TCAP dialog idle timer ran out. */
        DIALOG_TIMEOUT,
        /** The dialog ended without a result or error (e.g. a TC-END without components). */
        NO_ANSWER,
        /** Never sent: the stack refused it (no route, encoding error, dialog table full). */
        NOT_SENT,
        /** Never sent: the client's bound of dialogs in flight was reached. */
        BUSY
    }

    Kind kind();

    /** The peer's MAP error code (TS 29.002 17.6, e.g. 1 unknownSubscriber, 6 absentSubscriberSM), or -1. */
    default long errorCode() {
        return -1;
    }

    /** A short description for logs and counters. */
    String describe();

    record Result<T>(T value) implements MapOutcome<T> {
        @Override
        public Kind kind() {
            return Kind.RESULT;
        }

        @Override
        public String describe() {
            return "result";
        }
    }

    record Error<T>(MAPErrorMessage error) implements MapOutcome<T> {
        @Override
        public Kind kind() {
            return Kind.MAP_ERROR;
        }

        @Override
        public long errorCode() {
            Long code = error.getErrorCode();
            return code == null ? -1 : code;
        }

        @Override
        public String describe() {
            long code = errorCode();
            return "MAP error " + code + " " + MapErrorNames.nameOf(code);
        }
    }

    /**
     * The peer refused the dialog (MAP-REFUSE, kind {@link Kind#DIALOG_REFUSED}); {@code contextNotSupported} when it
     * did not support the application context or its version (TC-U-ABORT with AARE diagnostic
     * application-context-name-not-supported), which tells the sender to try a lower version (TS 29.002 15.6).
     */
    record Refused<T>(String reason, boolean contextNotSupported) implements MapOutcome<T> {
        @Override
        public Kind kind() {
            return Kind.DIALOG_REFUSED;
        }

        @Override
        public String describe() {
            return Kind.DIALOG_REFUSED + ": dialog refused: " + reason;
        }
    }

    record Failure<T>(Kind kind, String reason) implements MapOutcome<T> {
        public Failure {
            if (kind == Kind.RESULT || kind == Kind.MAP_ERROR) {
                throw new IllegalArgumentException("a failure is neither a result nor a MAP error: " + kind);
            }
        }

        @Override
        public String describe() {
            return kind + ": " + reason;
        }
    }

    /** The value of a result; anything else as a {@link MapFailure}, for callers that work with failed futures. */
    default T orThrow() throws MapFailure {
        if (this instanceof Result<T> r) {
            return r.value();
        }
        throw new MapFailure(this);
    }
}

package org.mtcgate.map.dialog;

import org.mobicents.protocols.ss7.map.api.errors.MAPErrorMessage;

/**
 * How one of this node's own MAP operations ended: its result, the MAP error the peer returned (kept whole so
 * that it can be relayed unchanged), or a failure without a MAP error (timeout, abort, refusal, reject).
 */
public sealed interface MapOutcome<T> {
    record Result<T>(T value) implements MapOutcome<T> {
    }

    record Error<T>(MAPErrorMessage error) implements MapOutcome<T> {
        public long code() {
            Long code = error.getErrorCode();
            return code == null ? -1 : code;
        }
    }

    record Failure<T>(String reason) implements MapOutcome<T> {
    }
}

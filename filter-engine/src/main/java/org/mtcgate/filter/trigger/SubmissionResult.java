package org.mtcgate.filter.trigger;

import org.mtcgate.filter.RequestStatus;

import java.util.Objects;

/**
 * The SMS-SC's answer to a submission, recall or replace (T4 DTA, or the internal SMS-SC), as the
 * Request-Status to give the SCS: SUCCESS when taken.
 *
 * @param mtcErrorDiagnostic MTC-Error-Diagnostic (TS 29.337 6.3.x: 0 original message not deleted, 1 new message
 *                           not stored) when the SMS-SC gave one, else null; it is passed on to the SCS
 */
public record SubmissionResult(RequestStatus status, String reason, Integer mtcErrorDiagnostic) {
    public SubmissionResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public SubmissionResult(RequestStatus status, String reason) {
        this(status, reason, null);
    }

    public static SubmissionResult accepted() {
        return new SubmissionResult(RequestStatus.SUCCESS, "accepted by the SMS-SC");
    }

    public static SubmissionResult refused(RequestStatus status, String reason) {
        return new SubmissionResult(status, reason);
    }

    public boolean isAccepted() {
        return status == RequestStatus.SUCCESS;
    }
}

package org.mtcgate.filter.trigger;

import org.mtcgate.filter.RequestStatus;

import java.util.Objects;

/**
 * The SMS-SC's answer to a submission, recall or replace (T4 DTA, or the internal SMS-SC), as the
 * Request-Status to give the SCS: SUCCESS when taken.
 */
public record SubmissionResult(RequestStatus status, String reason) {
    public SubmissionResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
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

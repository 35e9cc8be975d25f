package org.mtcgate.filter.smsc;

import java.util.Objects;

/** The SMS-SC's answer to a submission, recall or replacement. */
public record SmsScResult(Kind kind, String detail) {
    public enum Kind {
        /** Stored (submission, replacement) or withdrawn (recall). */
        ACCEPTED,
        /** The store could not take it; the submitter may try again. */
        STORE_FAILED,
        /** Another SM is held under the same id. */
        ID_IN_USE,
        /** Nothing is pending under the id (never held, or finished). */
        NOT_PENDING,
        /** The SM named was delivered already: it can no longer be withdrawn. */
        ALREADY_DELIVERED
    }

    public SmsScResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static SmsScResult accepted() {
        return new SmsScResult(Kind.ACCEPTED, "");
    }

    public static SmsScResult refused(Kind kind, String detail) {
        return new SmsScResult(kind, detail);
    }

    public boolean isAccepted() {
        return kind == Kind.ACCEPTED;
    }
}

package org.mtcgate.filter.smsc;

import java.time.Instant;
import java.util.Objects;

/**
 * An SM the SMS-SC holds until it is delivered, refused for good, withdrawn or expired.
 *
 * @param acceptedAt when the SMS-SC took it
 * @param expiresAt  when its validity ends; no attempt starts after it
 * @param outcome    the final outcome once known, else null
 */
public record HeldSm(SmId id, SmRecipient recipient, ShortMessage message, Instant acceptedAt, Instant expiresAt,
                     HeldSmState state, SmOutcome outcome) {
    public HeldSm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
    }

    /** A new SM, held from {@code acceptedAt}. */
    public static HeldSm held(SmId id, SmRecipient recipient, ShortMessage message, Instant acceptedAt, Instant expiresAt) {
        return new HeldSm(id, recipient, message, acceptedAt, expiresAt, HeldSmState.HELD, null);
    }

    public HeldSm withState(HeldSmState next, SmOutcome nextOutcome) {
        return new HeldSm(id, recipient, message, acceptedAt, expiresAt, next, nextOutcome);
    }

    /** Whether another submission would put the same SM on the air (same UE and content). */
    public boolean sameContentAs(HeldSm other) {
        return recipient.imsi().equals(other.recipient.imsi()) && message.equals(other.message);
    }

    @Override
    public String toString() {
        return "SM " + id + " (" + message + ") " + state + (outcome == null ? "" : " " + outcome);
    }
}

package org.mtcgate.filter.trigger;

import org.mtcgate.filter.RequestStatus;

import java.util.Objects;

/**
 * The answer of a {@link SubscriberDirectory}: the subscriber, or the Request-Status to refuse with
 * (INVEXTID for an unknown UE, NOTAUTHORIZED when the HSS does not let this SCS trigger it, ...).
 */
public record SubscriberLookup(SubscriberInfo subscriber, RequestStatus refusal, String reason) {
    public SubscriberLookup {
        if ((subscriber == null) == (refusal == null)) {
            throw new IllegalArgumentException("a lookup has either a subscriber or a refusal");
        }
        Objects.requireNonNull(reason, "reason");
    }

    public static SubscriberLookup found(SubscriberInfo subscriber) {
        return new SubscriberLookup(subscriber, null, "found");
    }

    public static SubscriberLookup refused(RequestStatus status, String reason) {
        return new SubscriberLookup(null, status, reason);
    }

    public boolean isFound() {
        return subscriber != null;
    }
}

package org.mtcgate.filter.smsc;

import java.util.Objects;

/**
 * How one MT delivery attempt ended, as the SMS-SC needs to know it: delivered, try again later (the UE is
 * absent, its memory is full, the network failed), or give up.
 */
public record DeliveryAttempt(Result result, String detail) {
    public enum Result {
        /** The serving node acknowledged the SM (MT-ForwardSM result). */
        DELIVERED,
        /** The UE is absent (absentSubscriberSM): keep the SM and try again until it expires. */
        ABSENT,
        /** A failure that may pass (memory capacity exceeded, system failure, timeout): try again. */
        TEMPORARY,
        /** A failure that will not pass (unknown subscriber, protocol error): give up. */
        PERMANENT
    }

    public DeliveryAttempt {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    public static DeliveryAttempt delivered() {
        return new DeliveryAttempt(Result.DELIVERED, "delivered");
    }
}

package org.mtcgate.diameter.t4;

import org.mtcgate.filter.trigger.DeliveryOutcome;

/**
 * SM-Delivery-Outcome-T4 (TS 29.337 6.3.1, AVP 3200) and the Delivery-Outcome the SCS hears on Tsp, as TS 29.368
 * 6.4.10 prescribes: SUCCESSFUL_TRANSFER is SUCCESS, VALIDITY_TIME_EXPIRED is EXPIRED, ABSENT_SUBSCRIBER and
 * UE_MEMORY_CAPACITY_EXCEEDED are UNDELIVERABLE (the SMS-SC has given up on the trigger).
 *
 * <p>The reverse, used by the SMS-SC for its engine's outcome: SUCCESS and UNCONFIRMED give SUCCESSFUL_TRANSFER
 * (T4 has no "unconfirmed"), EXPIRED gives VALIDITY_TIME_EXPIRED, UNDELIVERABLE and TEMPORARYERROR give
 * ABSENT_SUBSCRIBER (T4 has no other failure value; the SCS then hears UNDELIVERABLE).
 */
public enum SmDeliveryOutcomeT4 {
    ABSENT_SUBSCRIBER(0, DeliveryOutcome.UNDELIVERABLE),
    UE_MEMORY_CAPACITY_EXCEEDED(1, DeliveryOutcome.UNDELIVERABLE),
    SUCCESSFUL_TRANSFER(2, DeliveryOutcome.SUCCESS),
    VALIDITY_TIME_EXPIRED(3, DeliveryOutcome.EXPIRED);

    private final int code;
    private final DeliveryOutcome onTsp;

    SmDeliveryOutcomeT4(int code, DeliveryOutcome onTsp) {
        this.code = code;
        this.onTsp = onTsp;
    }

    public int code() {
        return code;
    }

    /** The Delivery-Outcome to report to the SCS. */
    public DeliveryOutcome deliveryOutcome() {
        return onTsp;
    }

    /** The value with this code, or null. */
    public static SmDeliveryOutcomeT4 ofCode(long code) {
        for (SmDeliveryOutcomeT4 o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        return null;
    }

    /** What an SMS-SC reports on T4 for an outcome of its own engine. */
    public static SmDeliveryOutcomeT4 of(DeliveryOutcome outcome) {
        return switch (outcome) {
            case SUCCESS, UNCONFIRMED -> SUCCESSFUL_TRANSFER;
            case EXPIRED -> VALIDITY_TIME_EXPIRED;
            case TEMPORARYERROR, UNDELIVERABLE -> ABSENT_SUBSCRIBER;
        };
    }
}

package org.mtcgate.t8;

import org.mtcgate.filter.trigger.DeliveryOutcome;

/**
 * Tsp's Delivery-Outcome as T8's DeliveryResult (TS29122_DeviceTriggering.yaml): the SMS-SC's final word on a
 * trigger. TEMPORARYERROR is final only when nothing more will be tried, so it is UNKNOWN on T8.
 */
final class DeliveryResults {
    static final String TRIGGERED = "TRIGGERED";
    static final String REPLACED = "REPLACED";

    private DeliveryResults() {
    }

    static String of(DeliveryOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "SUCCESS";
            case EXPIRED -> "EXPIRED";
            case UNDELIVERABLE -> "FAILURE";
            case UNCONFIRMED -> "UNCONFIRMED";
            case TEMPORARYERROR -> "UNKNOWN";
        };
    }
}

package org.mtcgate.diameter.t4;

import org.mtcgate.filter.trigger.DeliveryOutcome;

/**
 * SM-Delivery-Outcome-T4 (TS 29.337 6.3.1, AVP 3200) and its mapping to the Delivery-Outcome the SCS hears on
 * Tsp (TS 29.368 6.4.10):
 *
 * <table>
 * <tr><th>T4</th><th>Tsp</th><th>why</th></tr>
 * <tr><td>SUCCESSFUL_TRANSFER (2)</td><td>SUCCESS</td><td></td></tr>
 * <tr><td>VALIDITY_TIME_EXPIRED (3)</td><td>EXPIRED</td><td></td></tr>
 * <tr><td>ABSENT_SUBSCRIBER (0)</td><td>TEMPORARYERROR</td><td>the UE was not reachable: a condition that passes
 * (TS 23.040 3.3), the SCS may trigger again later (TS 29.368 6.4.10 names "UE not reachable")</td></tr>
 * <tr><td>UE_MEMORY_CAPACITY_EXCEEDED (1)</td><td>TEMPORARYERROR</td><td>also temporary in TS 23.040 3.3</td></tr>
 * </table>
 *
 * The reverse, used by the SMS-SC: SUCCESS and UNCONFIRMED give SUCCESSFUL_TRANSFER (T4 has no "unconfirmed"),
 * EXPIRED gives VALIDITY_TIME_EXPIRED, TEMPORARYERROR and UNDELIVERABLE give ABSENT_SUBSCRIBER (T4 has no
 * permanent failure value; the SCS then hears TEMPORARYERROR).
 */
public enum SmDeliveryOutcomeT4 {
    ABSENT_SUBSCRIBER(0, DeliveryOutcome.TEMPORARYERROR),
    UE_MEMORY_CAPACITY_EXCEEDED(1, DeliveryOutcome.TEMPORARYERROR),
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

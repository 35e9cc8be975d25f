package org.mtcgate.filter.trigger;

/** Delivery-Outcome (AVP 3009) of TS 29.368, reported to the SCS in a Device-Notification. */
public enum DeliveryOutcome {
    SUCCESS(0),
    EXPIRED(1),
    TEMPORARYERROR(2),
    UNDELIVERABLE(3),
    UNCONFIRMED(4);

    private final int code;

    DeliveryOutcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static DeliveryOutcome ofCode(long code) {
        for (DeliveryOutcome o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        return null;
    }
}

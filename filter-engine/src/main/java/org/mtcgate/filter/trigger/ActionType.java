package org.mtcgate.filter.trigger;

/** Action-Type (AVP 3005) of TS 29.368. */
public enum ActionType {
    DEVICE_TRIGGER_REQUEST(1),
    DELIVERY_REPORT(2),
    DEVICE_TRIGGER_RECALL(3),
    DEVICE_TRIGGER_REPLACE(4),
    MSISDN_LESS_MO_SMS_DELIVERY(5);

    private final int code;

    ActionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The action with this wire value, or null for a value this node does not know. */
    public static ActionType ofCode(long code) {
        for (ActionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}

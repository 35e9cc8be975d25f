package org.mtcgate.diameter.t4;

/** Trigger-Action (TS 29.337 6.3.6, AVP 3202, Unsigned32): what a DTR asks of the SMS-SC. */
public enum TriggerAction {
    TRIGGER(0),
    RECALL(1),
    REPLACE(2);

    private final int code;

    TriggerAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The action with this value, or null. */
    public static TriggerAction ofCode(long code) {
        for (TriggerAction a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}

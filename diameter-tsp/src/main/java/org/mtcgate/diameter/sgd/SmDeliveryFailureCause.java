package org.mtcgate.diameter.sgd;

import org.mtcgate.filter.smsc.DeliveryAttempt;

/**
 * SM-Enumerated-Delivery-Failure-Cause (TS 29.338 6.3.3; AVP 3304, values 0 to 6 as in Wireshark's
 * diameter/TGPP.xml), carried in SM-Delivery-Failure-Cause with DIAMETER_ERROR_SM_DELIVERY_FAILURE, and what the
 * SMS-SC makes of each. Only two pass on their own: a full memory (the UE frees it and the SM waits
 * for that) and a congested SC. The rest describe the UE or this SM, so sending the same TPDUs again would
 * fail the same way: equipment protocol error (the UE refused this TPDU), not SM equipped, unknown service centre
 * (the MME or UE does not know our SC address: a configuration matter, not a passing one), invalid SME address and
 * user not SC user.
 */
public enum SmDeliveryFailureCause {
    MEMORY_CAPACITY_EXCEEDED(0, DeliveryAttempt.Result.TEMPORARY),
    EQUIPMENT_PROTOCOL_ERROR(1, DeliveryAttempt.Result.PERMANENT),
    EQUIPMENT_NOT_SM_EQUIPPED(2, DeliveryAttempt.Result.PERMANENT),
    UNKNOWN_SERVICE_CENTRE(3, DeliveryAttempt.Result.PERMANENT),
    SC_CONGESTION(4, DeliveryAttempt.Result.TEMPORARY),
    INVALID_SME_ADDRESS(5, DeliveryAttempt.Result.PERMANENT),
    USER_NOT_SC_USER(6, DeliveryAttempt.Result.PERMANENT);

    private final int code;
    private final DeliveryAttempt.Result result;

    SmDeliveryFailureCause(int code, DeliveryAttempt.Result result) {
        this.code = code;
        this.result = result;
    }

    public int code() {
        return code;
    }

    /** What the SMS-SC does with an SM that failed this way. */
    public DeliveryAttempt.Result result() {
        return result;
    }

    /** The cause of this value, or null for one TS 29.338 does not define. */
    public static SmDeliveryFailureCause ofCode(long code) {
        for (SmDeliveryFailureCause c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}

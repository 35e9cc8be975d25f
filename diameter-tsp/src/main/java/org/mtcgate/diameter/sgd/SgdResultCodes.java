package org.mtcgate.diameter.sgd;

/**
 * Experimental-Result-Code values (Vendor-Id 10415) an MME answers a TFR with (TS 29.338 7; TS 29.229 for
 * 5001). Values as in Wireshark's diameter/dictionary.xml (Experimental-Result-Code enumeration).
 */
public final class SgdResultCodes {
    public static final long DIAMETER_ERROR_USER_UNKNOWN = 5001;
    public static final long DIAMETER_ERROR_ABSENT_USER = 5550;
    public static final long DIAMETER_ERROR_USER_BUSY_FOR_MT_SMS = 5551;
    public static final long DIAMETER_ERROR_FACILITY_NOT_SUPPORTED = 5552;
    public static final long DIAMETER_ERROR_ILLEGAL_USER = 5553;
    public static final long DIAMETER_ERROR_ILLEGAL_EQUIPMENT = 5554;
    public static final long DIAMETER_ERROR_SM_DELIVERY_FAILURE = 5555;

    private SgdResultCodes() {
    }

    /** The name of a code of this list, or null. */
    static String name(long code) {
        return switch ((int) code) {
            case 5001 -> "DIAMETER_ERROR_USER_UNKNOWN";
            case 5550 -> "DIAMETER_ERROR_ABSENT_USER";
            case 5551 -> "DIAMETER_ERROR_USER_BUSY_FOR_MT_SMS";
            case 5552 -> "DIAMETER_ERROR_FACILITY_NOT_SUPPORTED";
            case 5553 -> "DIAMETER_ERROR_ILLEGAL_USER";
            case 5554 -> "DIAMETER_ERROR_ILLEGAL_EQUIPMENT";
            case 5555 -> "DIAMETER_ERROR_SM_DELIVERY_FAILURE";
            default -> null;
        };
    }
}

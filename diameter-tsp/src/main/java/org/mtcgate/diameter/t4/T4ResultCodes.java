package org.mtcgate.diameter.t4;

/** Experimental-Result-Code values (Vendor-Id 10415) of TS 29.337 7.3 (permanent failures). */
public final class T4ResultCodes {
    public static final long DIAMETER_ERROR_INVALID_SME_ADDRESS = 5530;
    public static final long DIAMETER_ERROR_SC_CONGESTION = 5531;
    public static final long DIAMETER_ERROR_SM_PROTOCOL = 5532;
    public static final long DIAMETER_ERROR_TRIGGER_REPLACE_FAILURE = 5533;
    public static final long DIAMETER_ERROR_TRIGGER_RECALL_FAILURE = 5534;
    public static final long DIAMETER_ERROR_ORIGINAL_MESSAGE_NOT_PENDING = 5535;

    private T4ResultCodes() {
    }
}

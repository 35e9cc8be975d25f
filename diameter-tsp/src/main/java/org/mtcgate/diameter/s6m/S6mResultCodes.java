package org.mtcgate.diameter.s6m;

/** Experimental-Result-Code values (Vendor-Id 10415) of TS 29.336 6.3.3 (5001 is shared with TS 29.229). */
public final class S6mResultCodes {
    /** 6.3.3.1: the HSS knows no subscription for the UE named in User-Identifier. */
    public static final long DIAMETER_ERROR_USER_UNKNOWN = 5001;
    /** 6.3.3.2: the requesting SCS may not request the service for this UE. */
    public static final long DIAMETER_ERROR_UNAUTHORIZED_REQUESTING_ENTITY = 5510;
    /** 6.3.3.3: the UE's subscription does not allow the service (e.g. no device triggering). */
    public static final long DIAMETER_ERROR_UNAUTHORIZED_SERVICE = 5511;

    private S6mResultCodes() {
    }
}

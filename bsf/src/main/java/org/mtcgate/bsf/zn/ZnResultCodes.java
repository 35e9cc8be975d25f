package org.mtcgate.bsf.zn;

/**
 * Experimental-Result-Code values (Vendor-Id 10415) the BSF sends on Zn: TS 29.109 as cipango quotes it, names as
 * Wireshark 4.0.17's dictionary.xml has them (gba-facts 5, VERIFIED).
 */
public final class ZnResultCodes {
    /** The BSF cannot authorise the request: the NAF should tell the UE the service is not allowed. */
    public static final long DIAMETER_ERROR_NOT_AUTHORIZED = 5402;
    /** Unknown or expired B-TID: the NAF should make the UE bootstrap again. */
    public static final long DIAMETER_ERROR_TRANSACTION_IDENTIFIER_INVALID = 5403;

    private ZnResultCodes() {
    }
}

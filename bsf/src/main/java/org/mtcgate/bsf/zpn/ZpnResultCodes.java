package org.mtcgate.bsf.zpn;

/**
 * Experimental-Result-Code values (Vendor-Id 10415) the BSF sends on Zpn (TS 29.109 as cipango quotes it; names as
 * Wireshark 4.0.17's dictionary.xml has them; gba-facts 5, VERIFIED).
 */
public final class ZpnResultCodes {
    /**
     * The BSF knows no such user (TS 29.109 DIAMETER_ERROR_IDENTITY_UNKNOWN; Wireshark names 5401
     * DIAMETER_ERROR_IMPI_UNKNOWN). GBA's code for an unknown UE, not Cx's 5001 DIAMETER_ERROR_USER_UNKNOWN.
     */
    public static final long DIAMETER_ERROR_IDENTITY_UNKNOWN = 5401;
    /** The BSF will not serve this NAF GBA Push: "the NAF should not contact the UE" (gba-facts 1.9). */
    public static final long DIAMETER_ERROR_NOT_AUTHORIZED = 5402;

    private ZpnResultCodes() {
    }
}

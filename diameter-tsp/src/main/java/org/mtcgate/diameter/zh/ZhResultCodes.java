package org.mtcgate.diameter.zh;

/** Experimental-Result-Code values (Vendor-Id 10415) the HSS sends on Zh. */
public final class ZhResultCodes {
    /**
     * TS 29.109: the HSS knows no such IMPI or IMPU. Named DIAMETER_ERROR_IMPI_UNKNOWN in Wireshark 4.0.17's
     * dictionary.xml and DIAMETER_ERROR_IDENTITY_UNKNOWN in cipango's Zh HSS, which sends it for an unknown IMPI
     * (gba-facts 5, VERIFIED). Not Cx's 5001 DIAMETER_ERROR_USER_UNKNOWN.
     */
    public static final long DIAMETER_ERROR_IMPI_UNKNOWN = 5401;

    private ZhResultCodes() {
    }
}

package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

import java.util.List;

/**
 * Small helpers for 3GPP AVPs shared by S6m and T4: building with the V and M bits, finding children of a
 * grouped AVP, and Experimental-Result.
 */
public final class TgppAvps {
    private TgppAvps() {
    }

    /** A 3GPP AVP with the M bit set (the default in the TS 29.336 and TS 29.337 AVP tables). */
    public static Avp.Builder tgpp(int code) {
        return Avp.builder(code).vendor(VendorIds.TGPP).mandatory();
    }

    /** A 3GPP AVP whose M bit must not be set (Trigger-Action, Old-Reference-Number, MTC-Error-Diagnostic). */
    public static Avp.Builder tgppOptional(int code) {
        return Avp.builder(code).vendor(VendorIds.TGPP);
    }

    /** RFC 6733 7.6 Experimental-Result { Vendor-Id } { Experimental-Result-Code }, Vendor-Id 10415. */
    public static Avp experimentalResult(long code) {
        return Avp.builder(AvpCodes.EXPERIMENTAL_RESULT).mandatory().grouped(
                Avp.builder(AvpCodes.VENDOR_ID).mandatory().unsigned32(VendorIds.TGPP),
                Avp.builder(AvpCodes.EXPERIMENTAL_RESULT_CODE).mandatory().unsigned32(code));
    }

    /** The first child with this code and vendor, or null. */
    public static Avp child(List<Avp> avps, int code, long vendorId) {
        for (Avp a : avps) {
            if (a.code() == code && a.vendorId() == vendorId) {
                return a;
            }
        }
        return null;
    }

    /** The first 3GPP child with this code, or null. */
    public static Avp child(List<Avp> avps, int code) {
        return child(avps, code, VendorIds.TGPP);
    }
}

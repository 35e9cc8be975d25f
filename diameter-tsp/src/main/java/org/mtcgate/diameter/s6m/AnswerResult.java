package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/**
 * The outcome an answer carries: the base Result-Code, or the 3GPP Experimental-Result-Code (RFC 6733 7.6;
 * TS 29.336 and TS 29.337 put their own errors there, under Vendor-Id 10415).
 *
 * @param code         the value, or -1 when the answer has neither AVP (or an unreadable one)
 * @param experimental whether it came from Experimental-Result
 */
public record AnswerResult(long code, boolean experimental) {
    public static final AnswerResult NONE = new AnswerResult(-1, false);

    public static AnswerResult of(DiameterMessage answer) {
        try {
            var rc = answer.avp(AvpCodes.RESULT_CODE);
            if (rc.isPresent()) {
                return new AnswerResult(rc.get().unsigned32(), false);
            }
            var er = answer.avp(AvpCodes.EXPERIMENTAL_RESULT);
            if (er.isPresent()) {
                long vendor = -1;
                long code = -1;
                for (Avp a : er.get().groupedAvps()) {
                    if (a.code() == AvpCodes.VENDOR_ID && a.vendorId() == VendorIds.IETF) {
                        vendor = a.unsigned32();
                    } else if (a.code() == AvpCodes.EXPERIMENTAL_RESULT_CODE && a.vendorId() == VendorIds.IETF) {
                        code = a.unsigned32();
                    }
                }
                return vendor == VendorIds.TGPP && code >= 0 ? new AnswerResult(code, true) : NONE;
            }
        } catch (RuntimeException e) {
            // A peer's malformed Result-Code or Experimental-Result: treated as no result at all.
            return NONE;
        }
        return NONE;
    }

    /** RFC 6733 7.1.2: 2xxx is success, in either AVP. */
    public boolean isSuccess() {
        return code >= 2000 && code < 3000;
    }

    public boolean is(long experimentalCode) {
        return experimental && code == experimentalCode;
    }

    @Override
    public String toString() {
        return code < 0 ? "no result" : (experimental ? "Experimental-Result " : "Result-Code ") + code;
    }
}

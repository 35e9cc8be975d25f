package org.mtcgate.filter;

/** An MSISDN in international E.164 form: country code and national number, at most 15 digits, no '+'. */
public final class Msisdn extends NumericAddress {
    private Msisdn(String digits) {
        super("MSISDN", digits, 1, 15);
    }

    /** Parses "4917012345678" or "+4917012345678". */
    public static Msisdn of(String digits) {
        return new Msisdn(digits.startsWith("+") ? digits.substring(1) : digits);
    }
}

package org.mtcgate.filter;

/** An SCCP global title address, or an SMSC / SME address in E.164 digits. */
public final class GlobalTitle extends NumericAddress {
    private GlobalTitle(String digits) {
        super("global title", digits, 1, MAX_DIGITS);
    }

    public static GlobalTitle of(String digits) {
        return new GlobalTitle(digits.startsWith("+") ? digits.substring(1) : digits);
    }
}

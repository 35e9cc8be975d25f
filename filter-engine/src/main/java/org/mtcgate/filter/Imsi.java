package org.mtcgate.filter;

/** An IMSI: MCC, MNC and MSIN, 6 to 15 digits (TS 23.003 2.2). Never sent on Tsp. */
public final class Imsi extends NumericAddress {
    private Imsi(String digits) {
        super("IMSI", digits, 6, 15);
    }

    public static Imsi of(String digits) {
        return new Imsi(digits);
    }

    /** The IMSI with all but MCC+MNC (first 5 digits) masked, for logs and audit. */
    public String masked() {
        String d = digits();
        return d.substring(0, 5) + "*".repeat(d.length() - 5);
    }
}

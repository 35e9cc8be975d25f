package org.mtcgate.filter;

/** Arithmetic on digit strings held as (value, length) pairs. */
public final class DigitMath {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DigitMath() {
    }

    /** 10 to the power n, for n from 0 to 18. */
    public static long pow10(int n) {
        return POW10[n];
    }

    /** The value of the first {@code prefixLength} digits of a {@code length}-digit number. */
    public static long prefix(long value, int length, int prefixLength) {
        return value / POW10[length - prefixLength];
    }

    /** A long naming a digit string exactly; the length keeps "012" apart from "12". */
    public static long key(long value, int length) {
        return (value << 5) | length;
    }

    /** Parses a digit string of at most {@link NumericAddress#MAX_DIGITS} digits, or throws naming it. */
    public static long parse(String what, String digits) {
        if (digits.isEmpty() || digits.length() > NumericAddress.MAX_DIGITS) {
            throw new IllegalArgumentException(what + " '" + digits + "' must have 1 to "
                    + NumericAddress.MAX_DIGITS + " digits");
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " '" + digits + "' has a non-digit '" + c + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

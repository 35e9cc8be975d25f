package org.mtcgate.filter;

/**
 * A number made of decimal digits (an MSISDN, IMSI or global title), held both as text and as a long so that
 * matching against prefix ranges and lists of millions of numbers needs no parsing and no allocation.
 * Leading zeros are kept: the length is part of the identity.
 */
public abstract sealed class NumericAddress permits Msisdn, Imsi, GlobalTitle {
    /** Longest digit string a long holds together with its length (see {@link #key()}). */
    public static final int MAX_DIGITS = 17;

    private final String digits;
    private final long value;
    private final int length;

    NumericAddress(String what, String digits, int minDigits, int maxDigits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (digits.length() < minDigits || digits.length() > maxDigits) {
            throw new IllegalArgumentException(what + " '" + digits + "' has " + digits.length()
                    + " digits; " + minDigits + " to " + maxDigits + " expected");
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " '" + digits + "' has a non-digit '" + c + "' at position " + (i + 1));
            }
            v = v * 10 + (c - '0');
        }
        this.digits = digits;
        this.value = v;
        this.length = digits.length();
    }

    public final String digits() {
        return digits;
    }

    /** The digits read as a decimal number. */
    public final long value() {
        return value;
    }

    /** How many digits, leading zeros included. */
    public final int length() {
        return length;
    }

    /** A long that identifies the digit string exactly: value and length together. */
    public final long key() {
        return DigitMath.key(value, length);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((NumericAddress) o).digits.equals(digits);
    }

    @Override
    public final int hashCode() {
        return digits.hashCode();
    }

    @Override
    public final String toString() {
        return digits;
    }
}

package org.mtcgate.map.dialog;

import org.mtcgate.filter.GlobalTitle;

/** Address digits from the wire, checked before they become domain values. */
public final class Digits {
    private Digits() {
    }

    /** The address as a global title, or null when it is not 1..15 decimal digits (TBCD may carry *, #, a-c). */
    public static GlobalTitle globalTitle(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 15) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return GlobalTitle.of(digits);
    }
}

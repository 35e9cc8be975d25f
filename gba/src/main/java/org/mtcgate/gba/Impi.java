package org.mtcgate.gba;

/**
 * The IMS private user identity (IMPI), the name GBA knows a subscriber by (TS 33.220 4.3.2; User-Name on Zh).
 * Kept as given: the KDF uses its UTF-8 octets (TS 33.220 B.3), so it is never normalised.
 */
public record Impi(String value) {
    public Impi {
        if (value == null || value.isEmpty() || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an IMPI is 1 to 255 characters without control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

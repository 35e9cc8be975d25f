package org.mtcgate.gba;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An immutable octet string of a fixed or bounded length: the common part of the AKA and GBA value types.
 * Equality is constant-time, since some of them (MAC, RES, keys) are compared against what a peer sent.
 */
public abstract class OctetValue {
    private final byte[] octets;

    protected OctetValue(byte[] octets, int minLength, int maxLength, String name) {
        if (octets == null || octets.length < minLength || octets.length > maxLength) {
            String want = minLength == maxLength ? minLength + "" : minLength + ".." + maxLength;
            throw new IllegalArgumentException(name + " must be " + want + " octets, got "
                    + (octets == null ? "none" : octets.length));
        }
        this.octets = octets.clone();
    }

    /** A copy of the octets. */
    public final byte[] octets() {
        return octets.clone();
    }

    public final int length() {
        return octets.length;
    }

    /** The octets without a copy, for the value types of this module. */
    final byte[] raw() {
        return octets;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && MessageDigest.isEqual(octets, ((OctetValue) o).octets);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(octets) * 31 + getClass().hashCode();
    }

    /** The octets in hex; secrets override this so that they never reach a log. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Hex.encode(octets) + "]";
    }
}

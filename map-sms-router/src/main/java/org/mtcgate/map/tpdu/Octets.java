package org.mtcgate.map.tpdu;

/** Range checks for one-octet fields of locally built TPDUs. */
final class Octets {
    private Octets() {
    }

    static void check(String field, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(field + " " + value + " is not one octet");
        }
    }
}

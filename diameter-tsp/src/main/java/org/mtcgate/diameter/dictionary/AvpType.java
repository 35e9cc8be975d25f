package org.mtcgate.diameter.dictionary;

/** RFC 6733 4.2 basic and 4.3 derived AVP data formats. */
public enum AvpType {
    OCTET_STRING(-1),
    INTEGER32(4),
    INTEGER64(8),
    UNSIGNED32(4),
    UNSIGNED64(8),
    FLOAT32(4),
    FLOAT64(8),
    GROUPED(-1),
    ADDRESS(-1),
    TIME(4),
    UTF8_STRING(-1),
    DIAMETER_IDENTITY(-1),
    DIAMETER_URI(-1),
    ENUMERATED(4);

    private final int fixedLength;

    AvpType(int fixedLength) {
        this.fixedLength = fixedLength;
    }

    /** Data length every value of this type has, or -1 for variable-length types. */
    public int fixedLength() {
        return fixedLength;
    }
}

package org.mtcgate.map.tpdu;

/**
 * A TPDU that cannot be decoded or encoded: names the TS 23.040 field and the octet offset where it failed.
 * Peer input is untrusted, so the codec reports every malformation with this checked exception and never
 * with an unchecked one.
 */
public final class TpduException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int offset;

    public TpduException(String field, int offset, String detail) {
        super(field + " at offset " + offset + ": " + detail);
        this.field = field;
        this.offset = offset;
    }

    /** The TS 23.040 field name, e.g. {@code "TP-UDL"}. */
    public String field() {
        return field;
    }

    /** Octet offset from the start of the TPDU (the first octet is 0); -1 when encoding. */
    public int offset() {
        return offset;
    }
}

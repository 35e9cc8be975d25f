package org.mtcgate.diameter.codec;

/**
 * An AVP area that cannot be split into AVPs. Carries what RFC 6733 7.1.5 needs for the
 * answer: the offending AVP (as much of it as was present) for Failed-AVP.
 */
public final class AvpDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Avp offendingAvp;

    public AvpDecodeException(String message, Avp offendingAvp) {
        super(message);
        this.offendingAvp = offendingAvp;
    }

    public Avp offendingAvp() {
        return offendingAvp;
    }
}

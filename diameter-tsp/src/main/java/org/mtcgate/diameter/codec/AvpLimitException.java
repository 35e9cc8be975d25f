package org.mtcgate.diameter.codec;

/**
 * A message with more AVPs than {@link DecodeLimits#maxAvps()} allows. Carries the first AVP beyond the
 * limit for Failed-AVP (as RFC 6733 7.1.5 says for 5009: "the first instance that exceeds the maximum").
 */
public final class AvpLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Avp firstBeyondLimit;

    public AvpLimitException(String message, Avp firstBeyondLimit) {
        super(message, null, false, false);
        this.firstBeyondLimit = firstBeyondLimit;
    }

    public Avp firstBeyondLimit() {
        return firstBeyondLimit;
    }
}

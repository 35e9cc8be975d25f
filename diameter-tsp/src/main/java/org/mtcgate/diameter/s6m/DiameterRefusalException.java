package org.mtcgate.diameter.s6m;

/** Thrown by decoders inside one request's decoding and caught by the same decoder: never leaves it. */
public final class DiameterRefusalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DiameterRefusal refusal;

    public DiameterRefusalException(DiameterRefusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public DiameterRefusal refusal() {
        return refusal;
    }
}

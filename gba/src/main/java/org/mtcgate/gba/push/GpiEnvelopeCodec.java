package org.mtcgate.gba.push;

/**
 * How a GPI envelope and the protected payload after it are laid out in a trigger's payload (TS 24.109 J.3, whose
 * text was not at hand). {@link MtcgateEnvelope1} is this project's; a conformant codec replaces it here.
 */
public interface GpiEnvelopeCodec {
    String name();

    /** Envelope octets, then the GPL message. */
    byte[] encode(PushTrigger trigger);

    /** @throws PushRejectedException MALFORMED, saying where */
    PushTrigger decode(byte[] payload) throws PushRejectedException;

    /** Whether a payload starts like this codec's envelope: a cheap marker check for policies, not a parse. */
    boolean recognises(byte[] payload);
}

package org.mtcgate.gba.push;

/**
 * What a Push-NAF sends the UE in one device trigger: the GPI envelope, then the payload protected with the profile's
 * GPL under the NAF SA that GPI sets up. The layout is a {@link GpiEnvelopeCodec}'s.
 */
public record PushTrigger(GpiEnvelope envelope, byte[] gplMessage) {
    public PushTrigger {
        if (envelope == null || gplMessage == null) {
            throw new IllegalArgumentException("a push trigger has an envelope and a GPL message");
        }
        gplMessage = gplMessage.clone();
    }

    @Override
    public byte[] gplMessage() {
        return gplMessage.clone();
    }
}

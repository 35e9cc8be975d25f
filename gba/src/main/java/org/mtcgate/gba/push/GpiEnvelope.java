package org.mtcgate.gba.push;

/**
 * The GPI envelope of TS 24.109 J.2 (gba-facts 7.4): a version (1), the Push-NAF's session identifier, which differs
 * between GBA Push sessions to one UE, and the GPI. Its octets are a {@link GpiEnvelopeCodec}'s.
 */
public record GpiEnvelope(int sessionId, byte[] gpi) {
    public GpiEnvelope {
        if (sessionId < 0 || sessionId > 0xFFFF) {
            throw new IllegalArgumentException("a session identifier is 0 to 65535");
        }
        if (gpi == null || gpi.length == 0) {
            throw new IllegalArgumentException("an envelope carries a GPI");
        }
        gpi = gpi.clone();
    }

    @Override
    public byte[] gpi() {
        return gpi.clone();
    }
}

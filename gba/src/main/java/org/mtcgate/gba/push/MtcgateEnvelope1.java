package org.mtcgate.gba.push;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The envelope profile mtcgate-gpi-envelope-1: this project's, NOT the envelope of TS 24.109 J.3. The marker "GPI"
 * (0x47 0x50 0x49), so that a policy can tell a protected trigger from a plain one without keys; version 1
 * (J.2: version = 1); the session identifier (2 octets); the GPI's length (2 octets) and the GPI; the rest of
 * the payload is the GPL message. All big-endian. No WAP Push/WSP framing: the trigger already travels in an SM
 * with an application port (TS 23.682), so the GPI's WSP Content-Type and X-WAP-Application-ID, whose codes were not
 * found (gba-facts 7.6), are left out.
 */
public final class MtcgateEnvelope1 implements GpiEnvelopeCodec {
    public static final String NAME = "mtcgate-gpi-envelope-1";
    static final byte[] MARKER = {0x47, 0x50, 0x49};
    static final int VERSION = 1;
    static final int HEADER = MARKER.length + 1 + 2 + 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(PushTrigger trigger) {
        byte[] gpi = trigger.envelope().gpi();
        byte[] gpl = trigger.gplMessage();
        if (gpi.length > 0xFFFF) {
            throw new IllegalArgumentException("a GPI of " + gpi.length + " octets does not fit the envelope");
        }
        return ByteBuffer.allocate(HEADER + gpi.length + gpl.length).put(MARKER).put((byte) VERSION)
                .putShort((short) trigger.envelope().sessionId()).putShort((short) gpi.length).put(gpi).put(gpl).array();
    }

    @Override
    public PushTrigger decode(byte[] p) throws PushRejectedException {
        if (!recognises(p)) {
            throw PushRejectedException.malformed("the payload does not start with the " + NAME + " marker \"GPI\"");
        }
        if (p.length < HEADER) {
            throw PushRejectedException.malformed("the GPI envelope is " + p.length + " octets, shorter than its "
                    + HEADER + "-octet header");
        }
        if ((p[3] & 0xFF) != VERSION) {
            throw PushRejectedException.malformed(String.format("GPI envelope version 0x%02X is not %s (version 1)",
                    p[3] & 0xFF, NAME));
        }
        int session = (p[4] & 0xFF) << 8 | p[5] & 0xFF;
        int length = (p[6] & 0xFF) << 8 | p[7] & 0xFF;
        if (length == 0) {
            throw PushRejectedException.malformed("the GPI envelope carries an empty GPI");
        }
        if (p.length - HEADER < length) {
            throw PushRejectedException.malformed("the GPI envelope says the GPI has " + length + " octets, "
                    + (p.length - HEADER) + " follow");
        }
        return new PushTrigger(new GpiEnvelope(session, Arrays.copyOfRange(p, HEADER, HEADER + length)),
                Arrays.copyOfRange(p, HEADER + length, p.length));
    }

    @Override
    public boolean recognises(byte[] payload) {
        return payload.length >= MARKER.length + 1 && payload[0] == MARKER[0] && payload[1] == MARKER[1]
                && payload[2] == MARKER[2];
    }
}

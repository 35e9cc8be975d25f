package org.mtcgate.gba.push;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Hex;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.gba.push.PushVectors.*;

class MtcgateEnvelope1Test {
    private final MtcgateEnvelope1 codec = new MtcgateEnvelope1();

    @Test
    void encodesTheGoldenPayloadAndReadsItBack() throws Exception {
        PushTrigger t = new PushTrigger(new GpiEnvelope(0x0102, Hex.decode(GPI)), Hex.decode(GPL));
        byte[] payload = codec.encode(t);
        assertEquals(ENVELOPE_HEAD + GPI + GPL, Hex.encode(payload));
        assertEquals(8 + 104 + 70, payload.length);
        PushTrigger back = codec.decode(payload);
        assertEquals(0x0102, back.envelope().sessionId());
        assertArrayEquals(Hex.decode(GPI), back.envelope().gpi());
        assertArrayEquals(Hex.decode(GPL), back.gplMessage());
        assertTrue(codec.recognises(payload));
    }

    @Test
    void aPlainTriggerIsNotRecognised() {
        assertFalse(codec.recognises("wake up".getBytes()));
        assertFalse(codec.recognises(new byte[] {0x47, 0x50}));
        assertEquals("the payload does not start with the mtcgate-gpi-envelope-1 marker \"GPI\"",
                assertThrows(PushRejectedException.class, () -> codec.decode("wake".getBytes())).getMessage());
    }

    @Test
    void truncationsAndBadHeadersAreMalformedSayingWhy() {
        byte[] good = Hex.decode(ENVELOPE_HEAD + GPI + GPL);
        for (int n = 4; n < 8 + 104; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertEquals(PushRejectedException.Kind.MALFORMED, assertThrows(PushRejectedException.class, () -> codec.decode(cut)).kind());
        }
        assertEquals("the GPI envelope says the GPI has 104 octets, 50 follow",
                assertThrows(PushRejectedException.class, () -> codec.decode(Arrays.copyOf(good, 58))).getMessage());
        assertEquals("the GPI envelope is 5 octets, shorter than its 8-octet header",
                assertThrows(PushRejectedException.class, () -> codec.decode(Arrays.copyOf(good, 5))).getMessage());
        byte[] version = good.clone();
        version[3] = 2;
        assertEquals("GPI envelope version 0x02 is not mtcgate-gpi-envelope-1 (version 1)",
                assertThrows(PushRejectedException.class, () -> codec.decode(version)).getMessage());
        byte[] empty = Hex.decode("4750490100010000");
        assertEquals("the GPI envelope carries an empty GPI",
                assertThrows(PushRejectedException.class, () -> codec.decode(empty)).getMessage());
    }
}

package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: any octet string either decodes or raises TpduException, nothing else; what decodes encodes
 * back to octets that decode to an equal record. Fixed seeds keep the run deterministic; the count is bounded to keep it fast.
 */
class TpduFuzzTest {
    private static final int CASES = 200_000;

    @Test
    void randomOctetsDecodeOrRaiseTpduException() {
        Random random = new Random(0x33187L);
        for (int i = 0; i < CASES; i++) {
            byte[] tpdu = new byte[random.nextInt(48)];
            random.nextBytes(tpdu);
            // Bias towards plausible TPDUs so the decoder gets deep, not only past the first octets.
            if (tpdu.length > 2 && random.nextBoolean()) {
                tpdu[1] = (byte) random.nextInt(12);
            }
            check(tpdu);
        }
    }

    @Test
    void mutatedValidTpdusDecodeOrRaiseTpduException() {
        Random random = new Random(23040L);
        byte[][] seeds = {
            Hex.parse(SmsDeliverCodecTest.TRIGGER_DELIVER),
            Hex.parse("11 00 0B 91 6407281553F8 00 00 AA 0A E8329BFD4697D9EC37"),
            Hex.parse("44 02 81 21 00 00 62112231146340 08 050003010201 82"),
            Hex.parse("FD 7F 04 81 2143 48 F6 62112231146340 08 06 05 04 0B84 23F0 01"),
        };
        for (int i = 0; i < CASES; i++) {
            byte[] tpdu = seeds[i % seeds.length].clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                tpdu[random.nextInt(tpdu.length)] = (byte) random.nextInt(256);
            }
            check(tpdu);
        }
    }

    private static void check(byte[] tpdu) {
        try {
            SmsDeliver d = TpduCodec.decodeDeliver(tpdu);
            assertEquals(d, TpduCodec.decodeDeliver(TpduCodec.encode(d)), Hex.of(tpdu));
        } catch (TpduException expected) {
            // malformed input is reported, as it should be
        } catch (RuntimeException e) {
            fail("SMS-DELIVER codec crashed on " + Hex.of(tpdu), e);
        }
        try {
            SmsSubmit s = TpduCodec.decodeSubmit(tpdu);
            assertEquals(s, TpduCodec.decodeSubmit(TpduCodec.encode(s)), Hex.of(tpdu));
        } catch (TpduException expected) {
            // malformed input is reported, as it should be
        } catch (RuntimeException e) {
            fail("SMS-SUBMIT codec crashed on " + Hex.of(tpdu), e);
        }
    }

    @Test
    void validTpdusRoundTrip() throws TpduException {
        byte[] tpdu = Hex.parse(SmsDeliverCodecTest.TRIGGER_DELIVER);
        assertArrayEquals(tpdu, TpduCodec.encode(TpduCodec.decodeDeliver(tpdu)));
    }
}

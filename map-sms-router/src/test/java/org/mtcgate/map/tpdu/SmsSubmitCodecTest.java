package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmsSubmitCodecTest {

    /*
     * The classic SMS-SUBMIT (TS 23.040 9.2.2.2) without the SMSC address prefix:
     *   11  MTI 01, TP-VPF bits 4-3 = 10 (relative)
     *   00  TP-MR
     *   0B 91 6407281553F8  TP-DA "46708251358"
     *   00 00  TP-PID, TP-DCS 7-bit
     *   AA  TP-VP relative: 170 = (170-166) days = 4 days
     *   0A E8329BFD4697D9EC37  TP-UDL 10 septets "hellohello"
     */
    @Test
    void decodesAndEncodesTheClassicHelloSubmit() throws TpduException {
        byte[] octets = Hex.parse("11 00 0B 91 6407281553F8 00 00 AA 0A E8329BFD4697D9EC37");
        SmsSubmit s = TpduCodec.decodeSubmit(octets);
        assertEquals(0, s.messageReference());
        assertEquals(SmsAddress.international("46708251358"), s.destinationAddress());
        assertEquals(new ValidityPeriod.Relative(0xAA), s.validityPeriod());
        assertEquals("hellohello", s.userData().text());
        assertFalse(s.rejectDuplicates());
        assertArrayEquals(octets, TpduCodec.encode(s));
    }

    /*
     * Flags, absolute TP-VP and a 16-bit port header:
     *   FD  MTI 01 | RD 0x04 | TP-VPF 11 (absolute) 0x18 | SRR 0x20 | UDHI 0x40 | RP 0x80
     *   7F  TP-MR 127
     *   04 81 2143  TP-DA "1234", TON 0 NPI 1
     *   48 F6  TP-PID device triggering, TP-DCS F6 (group F, bit 2: 8-bit data, class 2)
     *   62 11 22 31 14 63 40  TP-VP absolute: 26-11-22 13:41:36 +4 quarters (TP-SCTS layout)
     *   08 06 05 04 0B84 23F0 01  TP-UDL 8: UDHL 6, IEI 05 len 4, destination 2948, originator 9200; 1 octet
     */
    @Test
    void decodesFlagsAbsoluteValidityAndPortHeader() throws TpduException {
        byte[] octets = Hex.parse("FD 7F 04 81 2143 48 F6 62112231146340 08 06 05 04 0B84 23F0 01");
        SmsSubmit s = TpduCodec.decodeSubmit(octets);
        assertTrue(s.rejectDuplicates());
        assertTrue(s.statusReportRequest());
        assertTrue(s.replyPath());
        assertEquals(127, s.messageReference());
        assertEquals(new SmsAddress(0, 1, "1234"), s.destinationAddress());
        assertEquals(new ValidityPeriod.Absolute(new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4)),
                s.validityPeriod());
        assertEquals(new ApplicationPort(2948, 9200, true), s.userData().header().applicationPort().orElseThrow());
        assertArrayEquals(octets, TpduCodec.encode(s));
    }

    /* TP-VPF 01 (bits 4-3 = 01 -> 0x08): enhanced TP-VP, 7 octets kept as received; no TP-VP with VPF 00. */
    @Test
    void enhancedAndAbsentValidityPeriodsRoundTrip() throws TpduException {
        byte[] enhanced = Hex.parse("09 01 00 81 00 04 01 02 03 04 05 06 07 00");
        SmsSubmit s = TpduCodec.decodeSubmit(enhanced);
        assertEquals(new ValidityPeriod.Enhanced(Hex.parse("01020304050607")), s.validityPeriod());
        assertArrayEquals(enhanced, TpduCodec.encode(s));

        byte[] none = Hex.parse("01 02 00 81 00 04 00");
        SmsSubmit n = TpduCodec.decodeSubmit(none);
        assertEquals(new ValidityPeriod.None(), n.validityPeriod());
        assertEquals("", n.destinationAddress().value());
        assertArrayEquals(none, TpduCodec.encode(n));
    }
}

package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmsDeliverCodecTest {

    /*
     * Device-trigger SMS-DELIVER, derived by hand from TS 23.040 9.2.2.1:
     *   44                first octet: MTI 00, TP-MMS bit 2 = 1 (no more messages), TP-UDHI bit 6 = 1
     *   09 91 94214365F7  TP-OA: 9 digits, TON 1 / NPI 1, "491234567" as swapped BCD, F filler
     *   48                TP-PID device triggering
     *   04                TP-DCS 8-bit data
     *   62 11 22 31 14 63 40  TP-SCTS 26-11-22 13:41:36, time zone +4 quarters (units 4 high nibble, sign 0)
     *   0B                TP-UDL 11 octets = UDH 7 + payload 4
     *   06 05 04 23F0 0000  UDHL 6, IEI 05 length 4, destination port 9200, originator port 0 (big-endian)
     *   54524947          "TRIG"
     */
    static final String TRIGGER_DELIVER =
            "44 09 91 94214365F7 48 04 62112231146340 0B 06 05 04 23F0 0000 54524947";

    static SmsDeliver triggerDeliver() {
        return new SmsDeliver(false, false, false, false, SmsAddress.international("491234567"), 0x48, 0x04,
                new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(9200, 0)),
                        new byte[] {'T', 'R', 'I', 'G'}));
    }

    @Test
    void encodesDeviceTriggerDeliverToTheHandDerivedOctets() throws TpduException {
        assertEquals(TRIGGER_DELIVER.replace(" ", ""), Hex.of(TpduCodec.encode(triggerDeliver())));
    }

    @Test
    void decodesDeviceTriggerDeliverFieldByField() throws TpduException {
        SmsDeliver d = TpduCodec.decodeDeliver(Hex.parse(TRIGGER_DELIVER));
        assertFalse(d.moreMessagesToSend());
        assertTrue(d.userDataHeaderIndicator());
        assertEquals(SmsAddress.international("491234567"), d.originatingAddress());
        assertEquals(0x48, d.protocolIdentifier());
        assertEquals(CharacterSet.EIGHT_BIT, d.userData().characterSet());
        assertEquals(new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4), d.serviceCentreTimeStamp());
        assertEquals("2026-11-22T13:41:36+01:00", d.serviceCentreTimeStamp().toOffsetDateTime().toString());
        assertEquals(new ApplicationPort(9200, 0, true), d.userData().header().applicationPort().orElseThrow());
        assertArrayEquals(new byte[] {'T', 'R', 'I', 'G'}, d.userData().body());
        assertEquals(triggerDeliver(), d);
    }

    /*
     * Flags and a negative time zone:
     *   A8  MTI 00, MMS bit 2 = 0 (more messages), LP bit 3 = 1, SRI bit 5 = 1, RP bit 7 = 1 -> 0x80|0x20|0x08
     *   0B 91 6407281553F8  TP-OA "46708251358" (11 digits)
     *   00 00  TP-PID ordinary, TP-DCS GSM 7-bit
     *   99 20 10 00 00 00 0A  TP-SCTS 99-02-01 00:00:00, time zone -20 quarters: low nibble tens 2 + sign 8 = A, high nibble units 0
     *   0A E8329BFD4697D9EC37  TP-UDL 10 septets, "hellohello" packed (TS 23.038 6.1.2.1.1)
     */
    @Test
    void decodesFlagsNegativeTimeZoneAndSevenBitText() throws TpduException {
        byte[] octets = Hex.parse("A8 0B 91 6407281553F8 00 00 99 20 10 00 00 00 0A 0A E8329BFD4697D9EC37");
        SmsDeliver d = TpduCodec.decodeDeliver(octets);
        assertTrue(d.moreMessagesToSend());
        assertTrue(d.loopPrevention());
        assertTrue(d.statusReportIndication());
        assertTrue(d.replyPath());
        assertFalse(d.userDataHeaderIndicator());
        assertEquals(-20, d.serviceCentreTimeStamp().timeZoneQuarters());
        assertEquals(new ServiceCentreTimeStamp(99, 2, 1, 0, 0, 0, -20), d.serviceCentreTimeStamp());
        assertEquals("hellohello", d.userData().text());
        assertArrayEquals(octets, TpduCodec.encode(d));
    }

    /*
     * Alphanumeric TP-OA "Test" (TON 5): T=54 e=65 s=73 t=74 packed as D4 F2 9C 0E; 4 septets are 28 bits,
     * so Address-Length = 7 semi-octets; Type-of-Address D0 (ext 1, TON 101, NPI 0000).
     */
    @Test
    void decodesAlphanumericOriginatingAddress() throws TpduException {
        byte[] octets = Hex.parse("04 07 D0 D4F29C0E 00 04 62112231146340 01 FF");
        SmsDeliver d = TpduCodec.decodeDeliver(octets);
        assertEquals(SmsAddress.alphanumeric("Test"), d.originatingAddress());
        assertArrayEquals(octets, TpduCodec.encode(d));
    }

    /*
     * 7-bit text after a UDH: UDHL 05, IE 00 03 01 02 01 (concatenation) = 6 octets = 48 bits, one fill bit
     * brings the header to 7 septets; 'A' (0x41) then sits at bits 49..55, so the 7th octet is 0x41 << 1 = 82.
     * TP-UDL = 7 + 1 = 8 septets, 7 octets.
     */
    @Test
    void sevenBitTextAfterHeaderStartsOnASeptetBoundary() throws TpduException {
        byte[] octets = Hex.parse("44 02 81 21 00 00 62112231146340 08 050003010201 82");
        SmsDeliver d = TpduCodec.decodeDeliver(octets);
        assertEquals("A", d.userData().text());
        assertEquals(new SmsAddress(0, 1, "12"), d.originatingAddress());
        assertEquals(1, d.userData().header().elements().size());
        assertArrayEquals(octets, TpduCodec.encode(d));
    }

    @Test
    void ucs2TextRoundTrips() throws TpduException {
        SmsDeliver d = new SmsDeliver(true, false, false, false, SmsAddress.international("1234"), 0, 0x08,
                new ServiceCentreTimeStamp(1, 1, 1, 0, 0, 0, 0), UserData.ucs2(null, "Grüße €"));
        byte[] octets = TpduCodec.encode(d);
        assertEquals(14, octets[octets.length - 15]); // TP-UDL counts octets for UCS2
        assertEquals(d, TpduCodec.decodeDeliver(octets));
        assertEquals("Grüße €", TpduCodec.decodeDeliver(octets).userData().text());
    }

    /* IEI 04 (8-bit ports 0x10, 0x20) and IEI 70 (OTA command packet, IEDL 0) with TP-PID 7F. */
    @Test
    void recognisesEightBitPortsAndOtaCommandPacket() throws TpduException {
        byte[] octets = Hex.parse("40 02 91 21 7F F6 62112231146340 08 06 04 02 1020 70 00 AB");
        SmsDeliver d = TpduCodec.decodeDeliver(octets);
        assertEquals(0x7F, d.protocolIdentifier());
        assertEquals(new ApplicationPort(0x10, 0x20, false), d.userData().header().applicationPort().orElseThrow());
        assertTrue(d.userData().header().hasOtaCommandPacket());
        assertArrayEquals(new byte[] {(byte) 0xAB}, d.userData().body());
        assertArrayEquals(octets, TpduCodec.encode(d));
    }
}

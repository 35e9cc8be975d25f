package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMS-STATUS-REPORT (TS 23.040 9.2.2.3) and SMS-COMMAND (9.2.2.4), field by field, and the strict entry points. */
class StatusReportAndCommandCodecTest {
    private static final String RA = "0A 91 9403214365";
    private static final String SCTS = "62112231146340";

    @Test
    void statusReportWithoutParameterIndicator() throws TpduException {
        byte[] octets = Hex.parse("06 05" + RA + SCTS + "62112231246340 00");
        SmsStatusReport r = assertInstanceOf(SmsStatusReport.class, TpduCodec.decodeMt(octets));
        assertTrue(r.moreMessagesToSend() == false);
        assertEquals(5, r.messageReference());
        assertEquals("4930123456", r.recipientAddress().value());
        assertEquals(42, r.dischargeTime().minute());
        assertEquals(0, r.status());
        assertEquals(-1, r.parameterIndicator());
        assertNull(r.userData());
        assertNull(r.header());
        assertArrayEquals(octets, TpduCodec.encode(r));
    }

    @Test
    void statusReportWithPidDcsAndAHeader() throws TpduException {
        byte[] octets = Hex.parse("42 05" + RA + SCTS + SCTS + "20 07 7F F6 08 027000 0102030405");
        SmsStatusReport r = assertInstanceOf(SmsStatusReport.class, TpduCodec.decodeMt(octets));
        assertEquals(0x20, r.status());
        assertEquals(0x7F, r.protocolIdentifier());
        assertEquals(0xF6, r.dataCodingScheme());
        assertTrue(r.header().hasOtaCommandPacket());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, r.userData().body());
        assertArrayEquals(octets, TpduCodec.encode(r));
    }

    @Test
    void commandWithAHeaderInTheCommandData() throws TpduException {
        byte[] octets = Hex.parse("62 08 48 02 07 0C91947190785634 05 027000 AABB");
        SmsCommand c = assertInstanceOf(SmsCommand.class, TpduCodec.decodeMo(octets));
        assertTrue(c.statusReportRequest());
        assertEquals(8, c.messageReference());
        assertEquals(0x48, c.protocolIdentifier());
        assertEquals(2, c.commandType());
        assertEquals(7, c.messageNumber());
        assertEquals("491709876543", c.destinationAddress().value());
        assertTrue(c.header().hasOtaCommandPacket());
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xBB}, c.commandData());
        assertArrayEquals(octets, TpduCodec.encode(c));
    }

    @Test
    void concatenationIsReadFromEitherIe() throws TpduException {
        SmsDeliver eight = TpduCodec.decodeDeliver(Hex.parse("44" + RA + "00 04" + SCTS + "07 0500031203 02 AA"));
        assertEquals(new Concatenation(0x12, 3, 2), eight.header().concatenation().orElseThrow());
        SmsDeliver sixteen = TpduCodec.decodeDeliver(Hex.parse("44" + RA + "00 04" + SCTS + "08 06080412340201 AA"));
        assertEquals(new Concatenation(0x1234, 2, 1), sixteen.header().concatenation().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status report: TP-PI extension bit      | 02 05 0A919403214365 62112231146340 62112231146340 00 80       | TP-PI    | 24
            status report: UDHI without TP-UD       | 42 05 0A919403214365 62112231146340 62112231146340 00          | TP-UDHI  | 0
            status report: UDL past the end         | 02 05 0A919403214365 62112231146340 62112231146340 00 04 05 01 | TP-UDL   | 25
            status report: octet after TP-PID       | 02 05 0A919403214365 62112231146340 62112231146340 00 01 7F 00 | TP-UD    | 26
            status report: unused bit 7             | 82 05 0A919403214365 62112231146340 62112231146340 00          | encoding | 0
            SMS-SUBMIT-REPORT in MT                 | 01 00 0A919403214365 00 00 00                                  | TP-MTI   | 0
            concatenation: part beyond the total    | 44 0A919403214365 00 04 62112231146340 06 0500031202 03        | UDH IE   | 19
            concatenation: wrong length             | 44 0A919403214365 00 04 62112231146340 05 04 00021202          | UDH IE   | 19
            """)
    void mtRefusals(String name, String hex, String field, int offset) {
        TpduException e = assertThrows(TpduException.class, () -> TpduCodec.decodeMt(Hex.parse(hex)));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            command: reserved TP-CT                 | 02 08 00 04 07 0C91947190785634 00           | TP-CT    | 3
            command: SC-specific TP-CT              | 02 08 00 E0 07 0C91947190785634 00           | TP-CT    | 3
            command: TP-CDL past the end            | 02 08 00 00 07 0C91947190785634 03 AA        | TP-CDL   | 13
            command: trailing octet                 | 02 08 00 00 07 0C91947190785634 01 AA BB     | TP-UD    | 15
            command: unused bit 2                   | 06 08 00 00 07 0C91947190785634 00           | encoding | 0
            SMS-DELIVER-REPORT in MO                | 00 00 00                                     | TP-MTI   | 0
            reserved MTI in MO                      | 03 00 00                                     | TP-MTI   | 0
            """)
    void moRefusals(String name, String hex, String field, int offset) {
        TpduException e = assertThrows(TpduException.class, () -> TpduCodec.decodeMo(Hex.parse(hex)));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }
}

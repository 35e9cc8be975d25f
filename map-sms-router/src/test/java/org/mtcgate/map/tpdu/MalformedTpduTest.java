package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every malformation raises TpduException naming the field and the offset where it was found. */
class MalformedTpduTest {

    private static TpduException deliverFails(String hex) {
        return assertThrows(TpduException.class, () -> TpduCodec.decodeDeliver(Hex.parse(hex)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty TPDU                          | ''                                                | first octet        | 0
            truncated in TP-OA length           | 44                                                | TP-OA length       | 1
            truncated in TP-OA value            | 44 09 91 9421                                     | TP-OA value        | 3
            TP-OA length over 20 semi-octets    | 44 15 91 0000                                      | TP-OA              | 1
            filler inside the TP-OA digits      | 44 04 91 F1 21 48 04 62112231146340 00            | TP-OA              | 3
            truncated before TP-PID             | 44 02 91 21                                       | TP-PID             | 4
            truncated in TP-SCTS                | 44 02 91 21 48 04 6211                            | TP-SCTS            | 6
            TP-SCTS digit not BCD               | 44 02 91 21 48 04 6A112231146340 00               | TP-SCTS            | 6
            TP-SCTS time zone not BCD           | 44 02 91 21 48 04 621122311463F0 00               | TP-SCTS            | 12
            missing TP-UDL                      | 44 02 91 21 48 04 62112231146340                  | TP-UDL             | 13
            TP-UDL past the end                 | 44 02 91 21 48 04 62112231146340 05 0102          | TP-UDL             | 13
            7-bit TP-UDL past the end           | 04 02 91 21 00 00 62112231146340 0A E8329BFD4697D9 | TP-UDL            | 13
            TP-UDL over 140 octets              | 44 02 91 21 48 04 62112231146340 8D 00            | TP-UDL             | 13
            UDHL past the end of TP-UD          | 44 02 91 21 48 04 62112231146340 03 05 0102       | UDHL               | 14
            UDHI set with empty TP-UD           | 44 02 91 21 48 04 62112231146340 00               | UDHL               | 14
            IE length past the UDHL             | 44 02 91 21 48 04 62112231146340 04 03 00 05 01   | UDH IE             | 15
            IE header cut by the UDHL           | 44 02 91 21 48 04 62112231146340 05 03 02 00 00 99 | UDH IE             | 17
            IEI 05 with the wrong length        | 44 02 91 21 48 04 62112231146340 05 04 05 02 2300 | UDH IE             | 15
            IEI 04 with the wrong length        | 44 02 91 21 48 04 62112231146340 04 03 04 01 23   | UDH IE             | 15
            7-bit UDL shorter than the UDH      | 44 02 91 21 48 00 62112231146340 01 00            | TP-UDL             | 13
            octets after TP-UD                  | 04 02 91 21 48 04 62112231146340 01 AA BB         | TP-UD              | 15
            not an SMS-DELIVER                  | 01 00 02 91 21 48 04 00                           | TP-MTI             | 0
            """)
    void deliverMalformation(String name, String hex, String field, int offset) {
        TpduException e = deliverFails(hex);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + " at offset " + offset + ": "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing TP-MR                       | 11                                    | TP-MR     | 1
            relative TP-VP missing              | 11 00 02 91 21 00 04                  | TP-VP     | 7
            enhanced TP-VP truncated            | 09 00 02 91 21 00 04 0102             | TP-VP     | 7
            absolute TP-VP not BCD              | 19 00 02 91 21 00 04 FF112231146340 00 | TP-VP    | 7
            TP-UDL past the end                 | 01 00 02 91 21 00 04 09 01            | TP-UDL    | 7
            not an SMS-SUBMIT                   | 00 02 91 21 48 04 62112231146340 00   | TP-MTI    | 0
            """)
    void submitMalformation(String name, String hex, String field, int offset) {
        TpduException e = assertThrows(TpduException.class, () -> TpduCodec.decodeSubmit(Hex.parse(hex)));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void everyTruncationOfAValidDeliverIsRejected() {
        byte[] valid = Hex.parse(SmsDeliverCodecTest.TRIGGER_DELIVER);
        for (int length = 0; length < valid.length; length++) {
            byte[] cut = Arrays.copyOf(valid, length);
            assertThrows(TpduException.class, () -> TpduCodec.decodeDeliver(cut), "length " + length);
        }
    }

    @Test
    void encoderRejectsUserDataOver140Octets() {
        SmsDeliver big = new SmsDeliver(false, false, false, false, SmsAddress.international("1"), 0, 4,
                new ServiceCentreTimeStamp(1, 1, 1, 1, 1, 1, 0), UserData.eightBit(null, new byte[141]));
        TpduException e = assertThrows(TpduException.class, () -> TpduCodec.encode(big));
        assertEquals("TP-UD", e.field());
    }

    @Test
    void encoderRejectsAddressOver20Digits() {
        SmsDeliver d = new SmsDeliver(false, false, false, false, SmsAddress.international("123456789012345678901"),
                0, 4, new ServiceCentreTimeStamp(1, 1, 1, 1, 1, 1, 0), UserData.eightBit(null, new byte[1]));
        assertThrows(TpduException.class, () -> TpduCodec.encode(d));
    }
}

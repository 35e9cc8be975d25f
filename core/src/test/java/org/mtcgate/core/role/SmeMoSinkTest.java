package org.mtcgate.core.role;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.map.smsc.MoShortMessage;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;
import org.mtcgate.map.tpdu.ValidityPeriod;
import org.mtcgate.smpp.MobileOriginated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An MO SMS-SUBMIT as the SME gets it: the UE's MSISDN, TP-DA, PID, DCS, the UDH then the unpacked body. */
class SmeMoSinkTest {
    @Test
    void headerAndSeptetsInSmppsUnpackedForm() throws Exception {
        SmsSubmit submit = new SmsSubmit(false, false, false, 1, SmsAddress.international("4930123456"), 0, 0x00,
                new ValidityPeriod.None(), UserData.gsm7(UserDataHeader.of(InformationElement.concatenation8(7, 2, 1)), "hi"));
        MobileOriginated mo = SmeMoSink.of(new MoShortMessage(GlobalTitle.of("491702000001"), GlobalTitle.of("491720000100"),
                null, submit, new byte[] {0}));
        assertEquals("4930123456", mo.smeAddress());
        assertEquals("491702000001", mo.ueMsisdn());
        assertTrue(mo.udhi());
        assertArrayEquals(new byte[] {5, 0, 3, 7, 2, 1, 'h', 'i'}, mo.userData());
    }

    @Test
    void eightBitWithoutHeader() throws Exception {
        SmsSubmit submit = new SmsSubmit(false, false, false, 1, SmsAddress.international("4930123456"), 0, 0x04,
                new ValidityPeriod.None(), UserData.eightBit(null, new byte[] {1, 2}));
        MobileOriginated mo = SmeMoSink.of(new MoShortMessage(GlobalTitle.of("491702000001"), GlobalTitle.of("491720000100"),
                null, submit, new byte[] {0}));
        assertEquals(4, mo.dataCoding());
        assertArrayEquals(new byte[] {1, 2}, mo.userData());
    }
}

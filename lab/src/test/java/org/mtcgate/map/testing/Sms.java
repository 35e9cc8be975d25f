package org.mtcgate.map.testing;

import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

/** SMS-DELIVERs for the tests. */
public final class Sms {
    private Sms() {
    }

    /** An 8-bit SMS-DELIVER from {@code tpOa} with {@code pid}; triggers carry the application port IE. */
    public static SmsDeliver deliver(int pid, String tpOa, byte[] payload) {
        UserDataHeader header = pid == 0x48 ? UserDataHeader.of(InformationElement.applicationPort16(9200, 0)) : null;
        return new SmsDeliver(false, false, false, false, SmsAddress.international(tpOa), pid, 0x04,
                new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4), UserData.eightBit(header, payload));
    }

    public static byte[] encode(SmsDeliver deliver) {
        try {
            return TpduCodec.encode(deliver);
        } catch (TpduException e) {
            throw new IllegalStateException(e);
        }
    }
}

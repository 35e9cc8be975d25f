package org.mtcgate.map.smsc;

import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The SMS-DELIVER that carries a held SM: its TP-PID and TP-DCS, the application port in a 16-bit port
 * addressing IE (IEI 0x05) when it has one, or the SM's own header when it came with one, then the user data (for a device trigger, TS 23.682 5.2.1 and
 * TS 23.040 9.2.3.9: TP-PID 0x48, 8-bit data). TP-OA is the SMS-SC's configured originator address.
 */
public final class SmsDeliverTpdu {
    private SmsDeliverTpdu() {
    }

    /** @throws TpduException when the SM is not octet-coded 8-bit data, or does not fit one SM (140 octets) */
    public static SmsDeliver deliver(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        // Only 8-bit data is held today (triggers); other alphabets need their own user-data packing.
        if ((sm.dataCoding() & 0xEC) != 0x04) {
            throw new TpduException("TP-DCS", 0, "0x" + Integer.toHexString(sm.dataCoding()) + " is not uncompressed 8-bit data");
        }
        byte[] body = sm.userData();
        UserDataHeader header = sm.applicationPort() >= 0
                ? UserDataHeader.of(InformationElement.applicationPort16(sm.applicationPort(), 0))
                : null;
        if (sm.userDataHeader()) {
            // The submitter's own header (an SME's concatenation or port IE) goes out as it came.
            header = UserDataHeader.read(body);
            body = java.util.Arrays.copyOfRange(body, 1 + (body[0] & 0xFF), body.length);
        }
        return new SmsDeliver(false, false, false, false, SmsAddress.international(originatorAddress),
                sm.protocolId(), sm.dataCoding(), ServiceCentreTimeStamp.of(OffsetDateTime.now(clock)),
                UserData.eightBit(header, body));
    }

    public static byte[] encode(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        return TpduCodec.encode(deliver(sm, originatorAddress, clock));
    }
}

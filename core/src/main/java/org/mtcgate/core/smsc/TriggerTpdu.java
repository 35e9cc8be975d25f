package org.mtcgate.core.smsc;

import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.trigger.DeviceTrigger;
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
 * The SMS-DELIVER that carries a device trigger (TS 23.682 5.2.1, TS 23.040 9.2.3.9): TP-PID 0x48, 8-bit data
 * (TP-DCS 0x04), the application port in a 16-bit port addressing IE (IEI 0x05) when the SCS gave one, then the
 * payload. TP-OA is the SMS-SC's configured trigger originator address.
 */
public final class TriggerTpdu {
    /** 8-bit data, no message class: the usual coding for trigger payloads (no DCS is mandated). */
    static final int DCS_8BIT = 0x04;

    private TriggerTpdu() {
    }

    public static SmsDeliver deliver(DeviceTrigger trigger, String originatorAddress, Clock clock) {
        UserDataHeader header = trigger.applicationPort() >= 0
                ? UserDataHeader.of(InformationElement.applicationPort16(trigger.applicationPort(), 0))
                : null;
        return new SmsDeliver(false, false, false, false, SmsAddress.international(originatorAddress),
                MessageKind.PID_DEVICE_TRIGGER, DCS_8BIT, ServiceCentreTimeStamp.of(OffsetDateTime.now(clock)),
                UserData.eightBit(header, trigger.payload()));
    }

    /** @throws TpduException when the payload and header do not fit one SM (140 octets) */
    public static byte[] encode(DeviceTrigger trigger, String originatorAddress, Clock clock) throws TpduException {
        return TpduCodec.encode(deliver(trigger, originatorAddress, clock));
    }
}

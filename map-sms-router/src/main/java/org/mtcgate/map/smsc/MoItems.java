package org.mtcgate.map.smsc;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.dialog.TpduItems;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsCommand;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.Tpdu;

/**
 * Describes an MO SM to the filter engine: the UE by its MSISDN, the relaying MSC's GT and link, TP-DA, TP-PID, TP-DCS and
 * UDH. An SMS-COMMAND is screened by its TP-PID and the UDH of its TP-CD (its TP-CT was checked on decode).
 */
final class MoItems {
    private MoItems() {
    }

    static InboundItem item(GlobalTitle ue, GlobalTitle relayedBy, ArrivalLink link, Tpdu tpdu) {
        InboundItem.Builder b = InboundItem.builder(Ingress.SMS_IWMSC_MO,
                new Originator(ue.digits(), ue, relayedBy, null, link));
        SmsAddress to = tpdu instanceof SmsSubmit s ? s.destinationAddress() : ((SmsCommand) tpdu).destinationAddress();
        int payload = tpdu instanceof SmsSubmit s ? s.userData().body().length : ((SmsCommand) tpdu).commandData().length;
        GlobalTitle destination = to.isAlphanumeric() ? null : Digits.globalTitle(to.value());
        if (destination != null) {
            b.targetMsisdn(Msisdn.of(destination.digits()));
        }
        return TpduItems.describe(b, tpdu, payload).build();
    }
}

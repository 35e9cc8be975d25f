package org.mtcgate.map.smsc;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.tpdu.SmsSubmit;

/** Describes an MO SM to the filter engine: the UE by its MSISDN, the relaying MSC's GT, TP-DA, TP-PID, ports. */
final class MoItems {
    private MoItems() {
    }

    static InboundItem item(GlobalTitle ue, GlobalTitle relayedBy, ArrivalLink link, SmsSubmit submit) {
        InboundItem.Builder b = InboundItem.builder(Ingress.SMS_IWMSC_MO,
                        new Originator(ue.digits(), ue, relayedBy, null, link))
                .tpPid(submit.protocolIdentifier()).tpDcs(submit.dataCodingScheme())
                .payloadLength(submit.userData().body().length);
        GlobalTitle destination = submit.destinationAddress().isAlphanumeric() ? null
                : Digits.globalTitle(submit.destinationAddress().value());
        if (destination != null) {
            b.targetMsisdn(Msisdn.of(destination.digits()));
        }
        submit.userData().optionalHeader().flatMap(h -> h.applicationPort())
                .ifPresent(p -> b.ports(p.destinationPort(), p.originatorPort()));
        return b.build();
    }
}

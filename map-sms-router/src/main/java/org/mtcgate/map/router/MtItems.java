package org.mtcgate.map.router;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.tpdu.ApplicationPort;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

/** Describes an MT-ForwardSM at the router to the filter engine: originator, real target, TP-PID and ports. */
final class MtItems {
    /** TP-MTI of SMS-STATUS-REPORT on the MT path (TS 23.040 9.2.3.1). */
    private static final int MTI_STATUS_REPORT = 2;

    private MtItems() {
    }

    /**
     * The item for an SM from service centre {@code serviceCentre} (SM-RP-OA), delivered by SCCP calling GT
     * {@code callingGt} (null when the calling address had none) over {@code link}, to the UE of {@code correlation}. An
     * SMS-DELIVER is decoded for TP-OA, TP-PID, TP-DCS and ports; an SMS-STATUS-REPORT carries no user data for
     * the UE's SIM or applications and is described as an ordinary SM; anything else is malformed.
     */
    static InboundItem item(GlobalTitle serviceCentre, GlobalTitle callingGt, ArrivalLink link, byte[] tpdu,
                            Correlation correlation) throws TpduException {
        if (tpdu == null) {
            throw new TpduException("SM-RP-UI", 0, "missing");
        }
        if (TpduCodec.messageTypeIndicator(tpdu) == MTI_STATUS_REPORT) {
            return target(InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(serviceCentre, callingGt, null, link)),
                    correlation).tpPid(0).build();
        }
        SmsDeliver deliver = TpduCodec.decodeDeliver(tpdu);
        GlobalTitle tpOa = deliver.originatingAddress().isAlphanumeric() ? null
                : Digits.globalTitle(deliver.originatingAddress().value());
        InboundItem.Builder b = InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(serviceCentre, callingGt, tpOa, link));
        target(b, correlation).tpPid(deliver.protocolIdentifier()).tpDcs(deliver.dataCodingScheme())
                .payloadLength(deliver.userData().body().length);
        deliver.userData().optionalHeader().flatMap(h -> h.applicationPort()).ifPresent(
                (ApplicationPort p) -> b.ports(p.destinationPort(), p.originatorPort()));
        return b.build();
    }

    private static InboundItem.Builder target(InboundItem.Builder b, Correlation correlation) {
        return b.targetImsi(correlation.imsi()).targetMsisdn(correlation.msisdn());
    }
}

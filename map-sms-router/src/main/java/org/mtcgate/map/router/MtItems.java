package org.mtcgate.map.router;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.map.dialog.Digits;
import org.mtcgate.map.dialog.TpduItems;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.SmsStatusReport;
import org.mtcgate.map.tpdu.Tpdu;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;

/** Describes an MT-ForwardSM at the router to the filter engine: originator, real target, TP-PID, DCS and UDH. */
final class MtItems {
    private MtItems() {
    }

    /**
     * The item for an SM from service centre {@code serviceCentre} (SM-RP-OA), delivered by SCCP calling GT
     * {@code callingGt} (null when the calling address had none) over {@code link}, to the UE of
     * {@code correlation}. The TPDU must be a canonically encoded SMS-DELIVER or SMS-STATUS-REPORT
     * ({@link TpduCodec#decodeMt}); both are screened on TP-PID, TP-DCS and UDH, since a status report may carry
     * user data too.
     */
    static InboundItem item(GlobalTitle serviceCentre, GlobalTitle callingGt, ArrivalLink link, byte[] tpdu,
                            Correlation correlation) throws TpduException {
        if (tpdu == null) {
            throw new TpduException("SM-RP-UI", 0, "missing");
        }
        Tpdu decoded = TpduCodec.decodeMt(tpdu);
        GlobalTitle tpOa = null;
        if (decoded instanceof SmsDeliver deliver && !deliver.originatingAddress().isAlphanumeric()) {
            tpOa = Digits.globalTitle(deliver.originatingAddress().value());
        }
        InboundItem.Builder b = InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(serviceCentre, callingGt, tpOa, link))
                .targetImsi(correlation.imsi()).targetMsisdn(correlation.msisdn());
        int payload = decoded instanceof SmsDeliver deliver ? deliver.userData().body().length
                : ((SmsStatusReport) decoded).userData() == null ? 0
                : ((SmsStatusReport) decoded).userData().body().length;
        return TpduItems.describe(b, decoded, payload).build();
    }
}

package org.mtcgate.map.smsc;

import java.util.Objects;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.map.tpdu.SmsSubmit;

/**
 * An MO SM the SMS-SC accepted from the SMS-IWMSC: what the sink stores and delivers.
 *
 * @param originator    the sending UE's MSISDN (SM-RP-OA)
 * @param serviceCentre the service centre address it was sent to (SM-RP-DA)
 * @param relayedBy     the SCCP calling GT of the MSC/SMS-IWMSC that relayed it, or null
 * @param submit        the decoded SMS-SUBMIT
 * @param tpdu          the TPDU as received
 */
public record MoShortMessage(GlobalTitle originator, GlobalTitle serviceCentre, GlobalTitle relayedBy,
                             SmsSubmit submit, byte[] tpdu) {
    public MoShortMessage {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(serviceCentre, "serviceCentre");
        Objects.requireNonNull(submit, "submit");
        tpdu = tpdu.clone();
    }

    @Override
    public byte[] tpdu() {
        return tpdu.clone();
    }
}

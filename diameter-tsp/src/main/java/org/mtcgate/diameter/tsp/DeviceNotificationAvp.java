package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.filter.trigger.UeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Device-Notification AVP (TS 29.368 6.4.2) for DAAs and DNRs. It names the UE only as the SCS
 * named it (External-Identifier, MSISDN): there is no way to put an IMSI in it (TS 33.187 4.5).
 */
public final class DeviceNotificationAvp {
    private DeviceNotificationAvp() {
    }

    /**
     * @param ue              the UE as the SCS named it, or null when the request named none
     * @param claimedScs      SCS-Identity to echo, or null
     * @param referenceNumber Reference-Number
     * @param actionType      Action-Type
     * @param requestStatus   Request-Status, or null (a DNR carries Delivery-Outcome instead)
     * @param deliveryOutcome Delivery-Outcome, or null
     */
    public static Avp of(UeName ue, String claimedScs, long referenceNumber, int actionType, Integer requestStatus,
                         Integer deliveryOutcome) {
        return of(ue, claimedScs, referenceNumber, actionType, requestStatus, null, deliveryOutcome);
    }

    /** @param mtcErrorDiagnostic MTC-Error-Diagnostic from the SMS-SC (TS 29.368 6.4.x), or null */
    public static Avp of(UeName ue, String claimedScs, long referenceNumber, int actionType, Integer requestStatus,
                         Integer mtcErrorDiagnostic, Integer deliveryOutcome) {
        List<Avp> parts = new ArrayList<>();
        if (ue != null && ue.externalId() != null) {
            parts.add(TspAvps.externalIdentifier(ue.externalId().value()));
        }
        if (ue != null && ue.msisdn() != null) {
            parts.add(TspAvps.msisdn(ue.msisdn().digits()));
        }
        if (claimedScs != null) {
            parts.add(TspAvps.scsIdentity(claimedScs));
        }
        parts.add(TspAvps.referenceNumber(referenceNumber));
        parts.add(TspAvps.actionType(actionType));
        if (requestStatus != null) {
            parts.add(TspAvps.requestStatus(requestStatus));
        }
        if (mtcErrorDiagnostic != null) {
            // TS 29.368 6.4.x: MTC-Error-Diagnostic has the M bit clear.
            parts.add(Avp.builder(AvpCodes.MTC_ERROR_DIAGNOSTIC).vendor(org.mtcgate.diameter.dictionary.VendorIds.TGPP)
                    .unsigned32(mtcErrorDiagnostic));
        }
        if (deliveryOutcome != null) {
            parts.add(TspAvps.deliveryOutcome(deliveryOutcome));
        }
        return TspAvps.tgpp(AvpCodes.DEVICE_NOTIFICATION).grouped(parts);
    }
}

package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;

import java.util.ArrayList;
import java.util.List;

/** Writes a Device-Action-Request (TS 29.368 6.2.2) as an SCS sends it. The mirror of {@link DeviceActionDecoder}. */
public final class DeviceActionEncoder {
    private DeviceActionEncoder() {
    }

    public static DiameterMessage encode(DeviceActionRequest r, String sessionId, String originHost, String originRealm,
                                         String destinationRealm) {
        List<Avp> action = new ArrayList<>();
        if (r.ue().externalId() != null) {
            action.add(TspAvps.externalIdentifier(r.ue().externalId().value()));
        }
        if (r.ue().msisdn() != null) {
            action.add(TspAvps.msisdn(r.ue().msisdn().digits()));
        }
        if (r.claimedScsIdentity() != null) {
            action.add(TspAvps.scsIdentity(r.claimedScsIdentity()));
        }
        action.add(TspAvps.referenceNumber(r.referenceNumber()));
        if (r.oldReferenceNumber() != null) {
            action.add(TspAvps.oldReferenceNumber(r.oldReferenceNumber()));
        }
        action.add(TspAvps.actionType(r.actionType().code()));
        if (r.actionType() != ActionType.DEVICE_TRIGGER_RECALL) {
            action.add(TspAvps.triggerData(r.payload(), r.priority() ? 1 : 0,
                    r.applicationPort() < 0 ? null : (long) r.applicationPort()));
        }
        if (r.validityTime() != null) {
            action.add(TspAvps.validityTime(r.validityTime().toSeconds()));
        }
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(sessionId))
                .avp(TspAvps.authApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(originHost))
                .avp(BaseAvps.originRealm(originRealm))
                .avp(BaseAvps.destinationRealm(destinationRealm))
                .avp(TspAvps.tgpp(org.mtcgate.diameter.dictionary.AvpCodes.DEVICE_ACTION).grouped(action))
                .build();
    }
}

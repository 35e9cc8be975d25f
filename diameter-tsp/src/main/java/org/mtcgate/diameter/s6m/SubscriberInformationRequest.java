package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.filter.trigger.UeName;

/**
 * Writes a Subscriber-Information-Request (TS 29.336 6.2.3) for device triggering: the UE as the SCS
 * named it (External-Identifier and/or MSISDN, never an IMSI: the MTC-IWF does not know it yet), Service-ID
 * DEVICE_TRIGGER, the SCS-Identity the HSS authorises against (TS 23.682 5.2.1 step 4), SIR-Flags bit 0
 * (S6m, not S6n).
 * No Service-Parameters: the SubscriberDirectory port carries no priority or port to put in them.
 */
public final class SubscriberInformationRequest {
    private SubscriberInformationRequest() {
    }

    /** @param hssHost Destination-Host, or null to route on the realm */
    public static DiameterMessage encode(UeName ue, String scsIdentity, String sessionId, String hssRealm, String hssHost) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.SUBSCRIBER_INFORMATION, ApplicationIds.S6M, true)
                .avp(BaseAvps.sessionId(sessionId))
                .avp(S6mAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1));
        if (hssHost != null) {
            b.avp(BaseAvps.destinationHost(hssHost));
        }
        return b.avp(BaseAvps.destinationRealm(hssRealm))
                .avp(new UserIdentifier(null, ue.msisdn(), ue.externalId()).toAvp())
                .avp(S6mAvps.serviceId(S6mAvps.SERVICE_DEVICE_TRIGGER))
                .avp(S6mAvps.scsIdentity(scsIdentity))
                .avp(S6mAvps.sirFlags(S6mAvps.SIR_FLAG_BIT0))
                .build();
    }
}

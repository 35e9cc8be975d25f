package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.s6m.ServingNodes;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.filter.trigger.DeviceTrigger;

import java.time.Duration;
import java.time.Instant;

/**
 * Writes a Device-Trigger-Request (TS 29.337 6.2.3): User-Identifier (User-Name = IMSI, MSISDN, and the
 * External-Identifier the SCS used, which the SMS-SC keeps for the report, TS 23.682 5.3.1), SM-RP-SMEA,
 * Payload, the T4 Reference-Number, Serving-Node and Additional-Serving-Node from S6m, Validity-Time (what is
 * left of it), Priority-Indication, Application-Port-Identifier, Trigger-Action and, for recall and replace,
 * Old-Reference-Number (TS 23.682 5.2.3.2, 5.2.3.3).
 */
public final class DeviceTriggerRequest {
    private DeviceTriggerRequest() {
    }

    /** The addressing and header part common to all three actions. */
    public record Head(String sessionId, String smsScRealm, String smsScHost, SmeAddress sme) {
    }

    /** A new trigger, or the replacement in a replace (then {@code oldReference} is the original's). */
    public static DiameterMessage trigger(Head head, DeviceTrigger t, long reference, Long oldReference, Instant now) {
        DiameterMessage.Builder b = start(head, t)
                .avp(T4Avps.payload(t.payload()))
                .avp(T4Avps.referenceNumber(reference))
                .avps(ServingNodes.toAvps(t.subscriber().servingNodes()))
                .avp(T4Avps.validityTime(Math.max(0, Duration.between(now, t.expiresAt()).toSeconds())))
                .avp(T4Avps.priorityIndication(t.priority()));
        if (t.applicationPort() >= 0) {
            b.avp(T4Avps.applicationPortIdentifier(t.applicationPort()));
        }
        b.avp(T4Avps.triggerAction(oldReference == null ? TriggerAction.TRIGGER : TriggerAction.REPLACE));
        if (oldReference != null) {
            b.avp(T4Avps.oldReferenceNumber(oldReference));
        }
        return b.build();
    }

    /**
     * A recall of the trigger submitted under {@code oldReference}. The DTR grammar (TS 29.337 6.2.3) requires
     * Payload even here; the pending trigger's own payload is sent.
     */
    public static DiameterMessage recall(Head head, DeviceTrigger pending, long oldReference) {
        return start(head, pending)
                .avp(T4Avps.payload(pending.payload()))
                .avp(T4Avps.triggerAction(TriggerAction.RECALL))
                .avp(T4Avps.oldReferenceNumber(oldReference))
                .build();
    }

    private static DiameterMessage.Builder start(Head head, DeviceTrigger t) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4, true)
                .avp(BaseAvps.sessionId(head.sessionId()))
                .avp(T4Avps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1));
        if (head.smsScHost() != null) {
            b.avp(BaseAvps.destinationHost(head.smsScHost()));
        }
        return b.avp(BaseAvps.destinationRealm(head.smsScRealm()))
                .avp(new UserIdentifier(t.subscriber().imsi(), t.subscriber().msisdn(), t.ue().externalId()).toAvp())
                .avp(T4Avps.smRpSmea(head.sme()));
    }
}

package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.s6m.ServingNodes;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SmCapacity;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A DTR as the SMS-SC reads it (TS 29.337 6.2.3): only translation. A DTR that lacks what its action needs
 * is refused with 5005 and an example of the missing AVP; a malformed value with 5004 and the AVP.
 *
 * @param action       Trigger-Action (TRIGGER when absent, as a Rel-11 MTC-IWF sends it)
 * @param trigger      the trigger to store (TRIGGER, REPLACE), else null
 * @param oldTrigger   the trigger to recall or replace (RECALL, REPLACE), else null
 * @param user         User-Identifier, echoed in the DRR
 * @param sme          SM-RP-SMEA, echoed in the DRR
 */
public record DeviceTriggerCommand(TriggerAction action, DeviceTrigger trigger, TriggerId oldTrigger, UserIdentifier user,
                                   SmeAddress sme) {
    private static final long MAX_PORT = 0xFFFF;

    /**
     * @param mtcIwfHost      the DTR's Origin-Host: the namespace of its Reference-Numbers
     * @param defaultValidity used when the DTR carries no Validity-Time
     */
    public static DeviceTriggerCommand decode(DiameterMessage dtr, String mtcIwfHost, Duration defaultValidity, Instant now) {
        Avp ui = tgpp(dtr, AvpCodes.USER_IDENTIFIER);
        if (ui == null) {
            throw missing(TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(), "a DTR needs User-Identifier");
        }
        UserIdentifier user = UserIdentifier.decode(ui);
        if (user.imsi() == null) {
            throw new DiameterRefusalException(DiameterRefusal.missing(UserIdentifier.missingChild(AvpCodes.USER_NAME, VendorIds.IETF),
                    "User-Identifier of a DTR needs User-Name (the IMSI)"));
        }
        Avp smea = tgpp(dtr, AvpCodes.SM_RP_SMEA);
        if (smea == null) {
            throw missing(TgppAvps.tgpp(AvpCodes.SM_RP_SMEA).octets(new byte[0]), "a DTR needs SM-RP-SMEA");
        }
        SmeAddress sme;
        try {
            sme = SmeAddress.decode(smea.data());
        } catch (IllegalArgumentException e) {
            throw invalid(smea, "SM-RP-SMEA: " + e.getMessage());
        }
        TriggerAction action = TriggerAction.TRIGGER;
        Avp ta = tgpp(dtr, AvpCodes.TRIGGER_ACTION);
        if (ta != null) {
            action = ta.dataLength() == 4 ? TriggerAction.ofCode(ta.unsigned32()) : null;
            if (action == null) {
                throw invalid(ta, "Trigger-Action is 0 (trigger), 1 (recall) or 2 (replace)");
            }
        }
        TriggerId old = null;
        if (action != TriggerAction.TRIGGER) {
            Avp o = tgpp(dtr, AvpCodes.OLD_REFERENCE_NUMBER);
            if (o == null) {
                throw missing(T4Avps.oldReferenceNumber(0), "a recall or replace DTR needs Old-Reference-Number");
            }
            old = new TriggerId(mtcIwfHost, u32(o));
        }
        DeviceTrigger trigger = action == TriggerAction.RECALL ? null : trigger(dtr, user, mtcIwfHost, defaultValidity, now);
        return new DeviceTriggerCommand(action, trigger, old, user, sme);
    }

    private static DeviceTrigger trigger(DiameterMessage dtr, UserIdentifier user, String mtcIwfHost, Duration defaultValidity,
                                         Instant now) {
        Avp ref = tgpp(dtr, AvpCodes.REFERENCE_NUMBER);
        if (ref == null) {
            throw missing(T4Avps.referenceNumber(0), "a trigger or replace DTR needs Reference-Number");
        }
        Avp payload = tgpp(dtr, AvpCodes.PAYLOAD);
        if (payload == null) {
            throw missing(T4Avps.payload(new byte[0]), "a trigger or replace DTR needs Payload");
        }
        if (user.externalId() == null && user.msisdn() == null) {
            // The domain names every trigger's UE by External-Identifier or MSISDN (TS 23.682 5.3.1 keeps one of them).
            throw new DiameterRefusalException(DiameterRefusal.missing(UserIdentifier.missingChild(AvpCodes.MSISDN, VendorIds.TGPP),
                    "User-Identifier of a DTR needs MSISDN or External-Identifier"));
        }
        Duration validity = defaultValidity;
        Avp v = dtr.avp(AvpCodes.VALIDITY_TIME).orElse(null);
        if (v != null) {
            validity = Duration.ofSeconds(u32(v));
        }
        boolean priority = false;
        Avp p = tgpp(dtr, AvpCodes.PRIORITY_INDICATION);
        if (p != null) {
            long pv = u32(p);
            if (pv > 1) {
                throw invalid(p, "Priority-Indication is 0 or 1");
            }
            priority = pv == 1;
        }
        int port = -1;
        Avp portAvp = tgpp(dtr, AvpCodes.APPLICATION_PORT_IDENTIFIER);
        if (portAvp != null) {
            long pv = u32(portAvp);
            if (pv > MAX_PORT) {
                throw invalid(portAvp, "Application-Port-Identifier does not fit the 16-bit SM port (TS 23.040 9.2.3.24.4)");
            }
            port = (int) pv;
        }
        if (payload.data().length > SmCapacity.MAX_PAYLOAD) {
            // Refused now what no concatenated SM can carry, rather than reported UNDELIVERABLE later.
            throw invalid(payload, "Payload of " + payload.data().length + " octets does not fit a concatenated SM (at most "
                    + SmCapacity.MAX_PAYLOAD + ")");
        }
        List<String> nodes = new ArrayList<>();
        for (Avp a : dtr.avps()) {
            if (a.vendorId() == VendorIds.TGPP && (a.code() == AvpCodes.SERVING_NODE || a.code() == AvpCodes.ADDITIONAL_SERVING_NODE)) {
                nodes.addAll(ServingNodes.fromAvp(a));
            }
        }
        return new DeviceTrigger(new TriggerId(mtcIwfHost, u32(ref)), new UeName(user.externalId(), user.msisdn()),
                new SubscriberInfo(user.imsi(), user.msisdn(), nodes), payload.data(), port, priority, now, now.plus(validity),
                TriggerState.ACCEPTED, null);
    }

    private static Avp tgpp(DiameterMessage m, int code) {
        return m.avp(code, VendorIds.TGPP).orElse(null);
    }

    private static long u32(Avp a) {
        if (a.dataLength() != 4) {
            throw invalid(a, "a 4-octet Unsigned32 was expected");
        }
        return a.unsigned32();
    }

    private static DiameterRefusalException missing(Avp example, String message) {
        return new DiameterRefusalException(DiameterRefusal.missing(example, message));
    }

    private static DiameterRefusalException invalid(Avp offending, String message) {
        return new DiameterRefusalException(DiameterRefusal.invalid(offending, message));
    }
}

package org.mtcgate.diameter.attack;

import java.util.concurrent.atomic.AtomicInteger;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.SubscriberInformationRequest;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.diameter.t4.DeliveryReportRequest;
import org.mtcgate.diameter.t4.SmDeliveryOutcomeT4;
import org.mtcgate.diameter.t4.SmeAddress;
import org.mtcgate.diameter.t4.T4Avps;
import org.mtcgate.diameter.t4.TriggerAction;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.UeName;

/** Well-formed requests of each application, with the originator the attacker chooses. */
final class Requests {
    private static final AtomicInteger IDS = new AtomicInteger(1000);

    private Requests() {
    }

    static int nextId() {
        return IDS.incrementAndGet();
    }

    private static DiameterMessage.Builder head(int command, long app, String host, String realm, int endToEnd) {
        return DiameterMessage.request(command, app, true).hopByHopId(nextId()).endToEndId(endToEnd)
                .avp(BaseAvps.sessionId(host + ";" + nextId()));
    }

    /**
     * Tsp Device-Action-Request (TS 29.368 6.2.2), a trigger, whose Auth-Application-Id says {@code authApplicationId}
     * (the header's is Tsp).
     */
    static DiameterMessage dar(String host, String realm, int endToEnd, long authApplicationId) {
        return head(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, host, realm, endToEnd)
                .avp(BaseAvps.authApplicationId(authApplicationId))
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                .avp(BaseAvps.destinationRealm(TrustedNode.REALM))
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(endToEnd & 0xFFFF),
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)))
                .build();
    }

    static DiameterMessage dar(String host, String realm, int endToEnd) {
        return dar(host, realm, endToEnd, ApplicationIds.TSP);
    }

    static DiameterMessage dar(String host, String realm) {
        return dar(host, realm, nextId());
    }

    /** T4 Device-Trigger-Request (TS 29.337 6.2.3). */
    static DiameterMessage dtr(String host, String realm, String imsi, String msisdn, long reference, TriggerAction action,
                               Long oldReference) {
        return dtr(host, realm, imsi, msisdn, reference, action, oldReference, T4Avps.vendorSpecificApplicationId());
    }

    /** A DTR with the given Vendor-Specific-Application-Id (T4's, unless a test says otherwise). */
    static DiameterMessage dtr(String host, String realm, String imsi, String msisdn, long reference, TriggerAction action,
                               Long oldReference, Avp vendorSpecificApplicationId) {
        DiameterMessage.Builder b = head(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4, host, realm, nextId())
                .avp(vendorSpecificApplicationId).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                .avp(BaseAvps.destinationRealm(TrustedNode.REALM))
                .avp(new UserIdentifier(Imsi.of(imsi), Msisdn.of(msisdn), null).toAvp())
                .avp(T4Avps.smRpSmea(SmeAddress.international("491720000999")))
                .avp(T4Avps.payload(new byte[] {1, 2, 3}))
                .avp(T4Avps.referenceNumber(reference))
                .avp(T4Avps.validityTime(600))
                .avp(T4Avps.triggerAction(action));
        if (oldReference != null) {
            b.avp(T4Avps.oldReferenceNumber(oldReference));
        }
        return b.build();
    }

    static DiameterMessage dtr(String host, String realm, String imsi, String msisdn, long reference) {
        return dtr(host, realm, imsi, msisdn, reference, TriggerAction.TRIGGER, null);
    }

    /** T4 Delivery-Report-Request (TS 29.337 6.2.5) as an SMS-SC sends it. */
    static DiameterMessage drr(String host, String realm, long reference) {
        return new DeliveryReportRequest(new UserIdentifier(Imsi.of("262015500000001"), null, null),
                SmeAddress.international("491720000999"), SmDeliveryOutcomeT4.SUCCESSFUL_TRANSFER, -1, reference)
                .encode(host + ";" + nextId(), TrustedNode.NODE, TrustedNode.REALM).toBuilder()
                .hopByHopId(nextId()).endToEndId(nextId())
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build();
    }

    /** S6m Subscriber-Information-Request (TS 29.336 6.2.1). */
    static DiameterMessage sir(String host, String realm) {
        return SubscriberInformationRequest.encode(UeName.of(ExternalId.of("meter-1@meters.test")), TrustedNode.SCS1,
                        host + ";" + nextId(), TrustedNode.REALM, null).toBuilder()
                .hopByHopId(nextId()).endToEndId(nextId())
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build();
    }

    /** A request of an application nobody defined, with the base AVPs. */
    static DiameterMessage unknownApplication(String host, String realm, long app) {
        return head(1_000_000, app, host, realm, nextId())
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm))
                .avp(BaseAvps.destinationRealm(TrustedNode.REALM)).build();
    }

    static long resultCode(DiameterMessage answer) {
        return answer.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }

    /** The first AVP inside the answer's Failed-AVP. */
    static Avp failedAvp(DiameterMessage answer) {
        return answer.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
    }

    static String sessionId(DiameterMessage m) {
        return m.avp(AvpCodes.SESSION_ID).orElseThrow().text();
    }
}

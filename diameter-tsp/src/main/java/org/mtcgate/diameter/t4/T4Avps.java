package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.TgppAvps;

/**
 * Builders for the AVPs of T4 messages (TS 29.337 6.3; Payload, Reference-Number, Priority-Indication,
 * Application-Port-Identifier and Old-Reference-Number reused from TS 29.368 6.4). Trigger-Action,
 * Old-Reference-Number and MTC-Error-Diagnostic have the M bit clear.
 */
public final class T4Avps {
    private T4Avps() {
    }

    public static Avp vendorSpecificApplicationId() {
        return BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.T4);
    }

    public static Avp smRpSmea(SmeAddress address) {
        return TgppAvps.tgpp(AvpCodes.SM_RP_SMEA).octets(address.encoded());
    }

    public static Avp payload(byte[] payload) {
        return TgppAvps.tgpp(AvpCodes.PAYLOAD).octets(payload);
    }

    public static Avp referenceNumber(long ref) {
        return TgppAvps.tgpp(AvpCodes.REFERENCE_NUMBER).unsigned32(ref);
    }

    public static Avp oldReferenceNumber(long ref) {
        return TgppAvps.tgppOptional(AvpCodes.OLD_REFERENCE_NUMBER).unsigned32(ref);
    }

    public static Avp triggerAction(TriggerAction action) {
        return TgppAvps.tgppOptional(AvpCodes.TRIGGER_ACTION).unsigned32(action.code());
    }

    public static Avp priorityIndication(boolean priority) {
        return TgppAvps.tgpp(AvpCodes.PRIORITY_INDICATION).unsigned32(priority ? 1 : 0);
    }

    public static Avp applicationPortIdentifier(long port) {
        return TgppAvps.tgpp(AvpCodes.APPLICATION_PORT_IDENTIFIER).unsigned32(port);
    }

    /** Validity-Time (RFC 4006 8.33, base AVP 448) in seconds. */
    public static Avp validityTime(long seconds) {
        return Avp.builder(AvpCodes.VALIDITY_TIME).mandatory().unsigned32(seconds);
    }

    public static Avp smDeliveryOutcomeT4(SmDeliveryOutcomeT4 outcome) {
        return TgppAvps.tgpp(AvpCodes.SM_DELIVERY_OUTCOME_T4).unsigned32(outcome.code());
    }

    /** MTC-Error-Diagnostic: 0 original message not deleted, 1 new message not stored. */
    public static Avp mtcErrorDiagnostic(long value) {
        return TgppAvps.tgppOptional(AvpCodes.MTC_ERROR_DIAGNOSTIC).unsigned32(value);
    }
}

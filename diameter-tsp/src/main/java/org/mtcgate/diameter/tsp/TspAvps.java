package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builders for the Tsp AVPs of TS 29.368 6.4 (vendor 10415, M bit set unless the spec says otherwise). */
public final class TspAvps {
    private TspAvps() {
    }

    static Avp.Builder tgpp(int code) {
        return Avp.builder(code).vendor(VendorIds.TGPP).mandatory();
    }

    /** TS 29.368 6.2: every Tsp command carries {Auth-Application-Id} and no Vendor-Specific-Application-Id. */
    public static Avp authApplicationId() {
        return BaseAvps.authApplicationId(ApplicationIds.TSP);
    }

    public static Avp externalIdentifier(String id) {
        return tgpp(AvpCodes.EXTERNAL_IDENTIFIER).utf8(id);
    }

    public static Avp msisdn(String digits) {
        return tgpp(AvpCodes.MSISDN).octets(Tbcd.encode(digits));
    }

    public static Avp scsIdentity(String identity) {
        return tgpp(AvpCodes.SCS_IDENTITY).octets(identity.getBytes(StandardCharsets.UTF_8));
    }

    public static Avp referenceNumber(long ref) {
        return tgpp(AvpCodes.REFERENCE_NUMBER).unsigned32(ref);
    }

    /** TS 29.368 6.4.x: the M bit of Old-Reference-Number is not set. */
    public static Avp oldReferenceNumber(long ref) {
        return Avp.builder(AvpCodes.OLD_REFERENCE_NUMBER).vendor(VendorIds.TGPP).unsigned32(ref);
    }

    public static Avp actionType(int code) {
        return tgpp(AvpCodes.ACTION_TYPE).unsigned32(code);
    }

    public static Avp requestStatus(int code) {
        return tgpp(AvpCodes.REQUEST_STATUS).unsigned32(code);
    }

    public static Avp deliveryOutcome(int code) {
        return tgpp(AvpCodes.DELIVERY_OUTCOME).unsigned32(code);
    }

    public static Avp validityTime(long seconds) {
        return Avp.builder(AvpCodes.VALIDITY_TIME).mandatory().unsigned32(seconds);
    }

    public static Avp triggerData(byte[] payload, Integer priority, Long port) {
        List<Avp> parts = new java.util.ArrayList<>();
        parts.add(tgpp(AvpCodes.PAYLOAD).octets(payload));
        if (priority != null) {
            parts.add(tgpp(AvpCodes.PRIORITY_INDICATION).unsigned32(priority));
        }
        if (port != null) {
            parts.add(tgpp(AvpCodes.APPLICATION_PORT_IDENTIFIER).unsigned32(port));
        }
        return tgpp(AvpCodes.TRIGGER_DATA).grouped(parts);
    }

    /** Bit 0: the final target (the SMS-SC) supports recall and replace. M bit not set: an informative feature AVP. */
    public static Avp featureSupportedInFinalTarget(long bits) {
        return Avp.builder(AvpCodes.FEATURE_SUPPORTED_IN_FINAL_TARGET).vendor(VendorIds.TGPP).unsigned32(bits);
    }
}

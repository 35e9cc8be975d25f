package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Device-Action-Request (TS 29.368 6.2.2) into a {@link DeviceActionRequest}. It only translates: a
 * DAR that breaks the AVP rules is refused with the RFC 6733 code and Failed-AVP; one that is well formed but
 * names no usable UE is answered with a Request-Status; everything else is the MTC-IWF's to decide.
 */
public final class DeviceActionDecoder {
    /** What a DAR turned into. */
    public sealed interface Decoded permits Request, Refused, Status {
    }

    /** A request for the MTC-IWF procedure. */
    public record Request(DeviceActionRequest request) implements Decoded {
    }

    /** A Diameter-level refusal. */
    public record Refused(TspRefusal refusal) implements Decoded {
    }

    /** Well formed, but answered at once with this Request-Status (echoing reference and action). */
    public record Status(RequestStatus status, String reason, long referenceNumber, int actionType) implements Decoded {
    }

    private DeviceActionDecoder() {
    }

    /**
     * @param dar         the request
     * @param scsIdentity the SCS's Origin-Host as bound to its TLS certificate
     */
    public static Decoded decode(DiameterMessage dar, String scsIdentity) {
        Optional<Avp> deviceAction = dar.avp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP);
        if (deviceAction.isEmpty()) {
            return missing(TspAvps.tgpp(AvpCodes.DEVICE_ACTION).grouped(List.of()), "Device-Action is required in a DAR");
        }
        List<Avp> parts;
        try {
            parts = deviceAction.get().groupedAvps();
        } catch (RuntimeException e) {
            return new Refused(new TspRefusal(ResultCode.DIAMETER_INVALID_AVP_VALUE.code(), deviceAction.get(),
                    "Device-Action is not a well-formed grouped AVP"));
        }
        Avp ref = first(parts, AvpCodes.REFERENCE_NUMBER);
        if (ref == null) {
            return missing(TspAvps.referenceNumber(0), "Device-Action needs Reference-Number");
        }
        Avp action = first(parts, AvpCodes.ACTION_TYPE);
        if (action == null) {
            return missing(TspAvps.actionType(1), "Device-Action needs Action-Type");
        }
        long referenceNumber;
        long actionCode;
        try {
            referenceNumber = ref.unsigned32();
            actionCode = action.unsigned32();
        } catch (RuntimeException e) {
            return invalid(ref.dataLength() != 4 ? ref : action, "Reference-Number and Action-Type are 4-octet values");
        }
        ActionType type = ActionType.ofCode(actionCode);
        if (type != ActionType.DEVICE_TRIGGER_REQUEST && type != ActionType.DEVICE_TRIGGER_RECALL
                && type != ActionType.DEVICE_TRIGGER_REPLACE) {
            return invalid(action, "Action-Type " + actionCode + " is not a trigger, recall or replace request");
        }
        try {
            ExternalId externalId = null;
            Avp ext = first(parts, AvpCodes.EXTERNAL_IDENTIFIER);
            if (ext != null) {
                String text = utf8(ext);
                if (text == null) {
                    return invalid(ext, "External-Identifier is not valid UTF-8");
                }
                try {
                    externalId = ExternalId.of(text);
                } catch (IllegalArgumentException e) {
                    return new Status(RequestStatus.INVEXTID, e.getMessage(), referenceNumber, (int) actionCode);
                }
            }
            Msisdn msisdn = null;
            Avp number = first(parts, AvpCodes.MSISDN);
            if (number != null) {
                try {
                    msisdn = Msisdn.of(Tbcd.decode(number.data()));
                } catch (IllegalArgumentException e) {
                    return invalid(number, "MSISDN is not a TBCD-coded E.164 number: " + e.getMessage());
                }
            }
            if (externalId == null && msisdn == null) {
                return new Status(RequestStatus.INVEXTID, "the Device-Action names no UE: External-Identifier or MSISDN is needed",
                        referenceNumber, (int) actionCode);
            }
            String claimed = null;
            Avp scs = first(parts, AvpCodes.SCS_IDENTITY);
            if (scs != null) {
                claimed = utf8(scs);
                if (claimed == null) {
                    return invalid(scs, "SCS-Identity is not valid UTF-8");
                }
            }
            Long oldRef = null;
            Avp old = first(parts, AvpCodes.OLD_REFERENCE_NUMBER);
            if (old != null) {
                oldRef = old.unsigned32();
            }
            Duration validity = null;
            Avp v = firstBase(parts, AvpCodes.VALIDITY_TIME);
            if (v != null) {
                validity = Duration.ofSeconds(v.unsigned32());
            }
            byte[] payload = new byte[0];
            int port = -1;
            boolean priority = false;
            Avp triggerData = first(parts, AvpCodes.TRIGGER_DATA);
            if (triggerData == null && type != ActionType.DEVICE_TRIGGER_RECALL) {
                return missing(TspAvps.triggerData(new byte[0], null, null), "a trigger or replace needs Trigger-Data");
            }
            if (triggerData != null) {
                List<Avp> td = triggerData.groupedAvps();
                Avp p = first(td, AvpCodes.PAYLOAD);
                if (p == null) {
                    return missing(TspAvps.tgpp(AvpCodes.PAYLOAD).octets(new byte[0]), "Trigger-Data needs Payload");
                }
                payload = p.data();
                Avp prio = first(td, AvpCodes.PRIORITY_INDICATION);
                if (prio != null) {
                    long pv = prio.unsigned32();
                    if (pv > 1) {
                        return invalid(prio, "Priority-Indication is 0 (non-priority) or 1 (priority)");
                    }
                    priority = pv == 1;
                }
                Avp portAvp = first(td, AvpCodes.APPLICATION_PORT_IDENTIFIER);
                if (portAvp != null) {
                    long pv = portAvp.unsigned32();
                    port = pv > 0xFFFF ? Integer.MAX_VALUE : (int) pv;
                }
            }
            return new Request(new DeviceActionRequest(scsIdentity, claimed, type, referenceNumber, oldRef,
                    new UeName(externalId, msisdn), payload, port, priority, validity));
        } catch (RuntimeException e) {
            // A numeric AVP of the wrong size inside Device-Action: the validator checks top-level AVPs only.
            return new Refused(new TspRefusal(ResultCode.DIAMETER_INVALID_AVP_LENGTH.code(), deviceAction.get(),
                    "an AVP inside Device-Action has the wrong length: " + e.getMessage()));
        }
    }

    private static Avp first(List<Avp> avps, int code) {
        for (Avp a : avps) {
            if (a.code() == code && a.vendorId() == VendorIds.TGPP) {
                return a;
            }
        }
        return null;
    }

    private static Avp firstBase(List<Avp> avps, int code) {
        for (Avp a : avps) {
            if (a.code() == code && a.vendorId() == VendorIds.IETF) {
                return a;
            }
        }
        return null;
    }

    private static String utf8(Avp avp) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(avp.data())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Decoded missing(Avp example, String message) {
        return new Refused(new TspRefusal(ResultCode.DIAMETER_MISSING_AVP.code(), example, message));
    }

    private static Decoded invalid(Avp offending, String message) {
        return new Refused(new TspRefusal(ResultCode.DIAMETER_INVALID_AVP_VALUE.code(), offending, message));
    }
}

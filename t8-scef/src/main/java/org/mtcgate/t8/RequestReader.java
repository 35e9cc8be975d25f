package org.mtcgate.t8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.UeName;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Reads a DeviceTriggering body (TS 29.122 5.7.2.1.2) into {@link TriggerContent}, or says precisely what is wrong:
 * malformed JSON and unknown fields → 400 INVALID_MSG_FORMAT; a required field missing → 400 MANDATORY_IE_MISSING;
 * a field with a wrong value → 400 MANDATORY_IE_INCORRECT / OPTIONAL_IE_INCORRECT, each with the field as
 * JSON pointer in {@code invalidParams}.
 */
final class RequestReader {
    /** Either a content or a problem. */
    record Outcome(TriggerContent content, ProblemDetails problem) {
    }

    private RequestReader() {
    }

    static Outcome read(byte[] json) {
        DeviceTriggeringBody b;
        try {
            b = Json.read(json, DeviceTriggeringBody.class);
        } catch (UnrecognizedPropertyException e) {
            return bad("INVALID_MSG_FORMAT", "/" + e.getPropertyName(), "is not a field of DeviceTriggering");
        } catch (MismatchedInputException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() == null ? String.valueOf(r.getIndex()) : r.getFieldName())
                    .collect(Collectors.joining("/", "/", ""));
            return bad("INVALID_MSG_FORMAT", path, "has the wrong JSON type");
        } catch (JsonProcessingException e) {
            return new Outcome(null, ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT",
                    "the body is not one JSON object: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return new Outcome(null, ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", "the body cannot be read"));
        }
        if (b == null) {
            return new Outcome(null, ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", "the body is empty"));
        }
        if (b.self() != null || b.deliveryResult() != null) {
            return bad("INVALID_MSG_FORMAT", b.self() != null ? "/self" : "/deliveryResult", "is read-only: set by the SCEF");
        }
        for (String[] required : new String[][] {{"validityPeriod", str(b.validityPeriod())}, {"priority", b.priority()},
                {"applicationPortId", str(b.applicationPortId())}, {"triggerPayload", b.triggerPayload()},
                {"notificationDestination", b.notificationDestination()}}) {
            if (required[1] == null) {
                return bad("MANDATORY_IE_MISSING", "/" + required[0], "is required");
            }
        }
        if ((b.externalId() == null) == (b.msisdn() == null)) {
            return bad(b.externalId() == null ? "MANDATORY_IE_MISSING" : "MANDATORY_IE_INCORRECT", "/externalId",
                    "exactly one of externalId and msisdn names the UE");
        }
        UeName ue;
        try {
            ue = b.externalId() != null ? UeName.of(ExternalId.of(b.externalId())) : UeName.of(Msisdn.of(b.msisdn()));
        } catch (IllegalArgumentException e) {
            return bad("MANDATORY_IE_INCORRECT", b.externalId() != null ? "/externalId" : "/msisdn", e.getMessage());
        }
        if (b.validityPeriod() < 0 || b.validityPeriod() > Integer.MAX_VALUE) {
            return bad("MANDATORY_IE_INCORRECT", "/validityPeriod", "is seconds, 0 or more");
        }
        boolean priority;
        switch (b.priority()) {
            case "PRIORITY" -> priority = true;
            case "NO_PRIORITY" -> priority = false;
            default -> {
                return bad("MANDATORY_IE_INCORRECT", "/priority", "is PRIORITY or NO_PRIORITY");
            }
        }
        if (b.applicationPortId() < 0 || b.applicationPortId() > 0xFFFF) {
            return bad("MANDATORY_IE_INCORRECT", "/applicationPortId", "is a port, 0 to 65535");
        }
        if (b.appSrcPortId() != null && (b.appSrcPortId() < 0 || b.appSrcPortId() > 0xFFFF)) {
            return bad("OPTIONAL_IE_INCORRECT", "/appSrcPortId", "is a port, 0 to 65535");
        }
        if (Boolean.TRUE.equals(b.requestTestNotification())) {
            return bad("OPTIONAL_IE_INCORRECT", "/requestTestNotification", "test notifications are not offered");
        }
        if (b.supportedFeatures() != null && !b.supportedFeatures().matches("[A-Fa-f0-9]*")) {
            return bad("OPTIONAL_IE_INCORRECT", "/supportedFeatures", "is a hexadecimal string");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(b.triggerPayload());
        } catch (IllegalArgumentException e) {
            return bad("MANDATORY_IE_INCORRECT", "/triggerPayload", "is not base64: " + e.getMessage());
        }
        URI destination;
        try {
            destination = new URI(b.notificationDestination());
        } catch (URISyntaxException e) {
            return bad("MANDATORY_IE_INCORRECT", "/notificationDestination", "is not a URI");
        }
        if (!"https".equalsIgnoreCase(destination.getScheme()) || destination.getHost() == null) {
            // Delivery reports leave only over TLS (TS 33.187 4.7: integrity, confidentiality, replay protection).
            return bad("MANDATORY_IE_INCORRECT", "/notificationDestination", "must be an https URI with a host");
        }
        return new Outcome(new TriggerContent(ue, payload, b.applicationPortId(), priority,
                Duration.ofSeconds(b.validityPeriod()), destination, b), null);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Outcome bad(String cause, String param, String reason) {
        return new Outcome(null, ProblemDetails.badParam(cause, param, reason));
    }
}

package org.mtcgate.t8;

import org.mtcgate.filter.trigger.DeviceActionResult;

import java.util.Map;

/**
 * A refusal of the device triggering procedure (the Request-Status Tsp would carry) as T8 answers it: an HTTP status
 * and ProblemDetails with a TS 29.122 cause. Not authorised (filter or HSS) and quota: 403 with REQUEST_NOT_AUTHORIZED
 * / QUOTA_EXCEEDED; rate: 429 (TS 29.122 4.4.x: "exceeded its rate of submitting requests"); a bad field: 400
 * naming it; the SMS-SC or a store unavailable: 503. Each status is one TS29122_DeviceTriggering.yaml lists for the
 * operation; the source of each cause value (TS 29.500 table 5.2.7.2-1, or TS 29.122 5.2.6) is in t8-scef/PROFILE.md.
 */
final class RequestStatusProblem {
    private RequestStatusProblem() {
    }

    static HttpReply of(DeviceActionResult r) {
        String why = r.reason();
        return switch (r.requestStatus()) {
            case NOTAUTHORIZED, INVSCSID -> HttpReply.problem(ProblemDetails.of(403, "Forbidden", "REQUEST_NOT_AUTHORIZED", why));
            case QUOTAEXCEEDED -> HttpReply.problem(ProblemDetails.of(403, "Forbidden", "QUOTA_EXCEEDED", why));
            case RATEEXCEEDED -> HttpReply.problem(ProblemDetails.of(429, "Too Many Requests", null, "rate exceeded: " + why),
                    Map.of("Retry-After", "1"));
            case INVEXTID -> HttpReply.problem(ProblemDetails.badParam("MANDATORY_IE_INCORRECT", "/externalId", why));
            case INVPAYLOAD -> HttpReply.problem(ProblemDetails.badParam("MANDATORY_IE_INCORRECT", "/triggerPayload", why));
            case INVPERIOD -> HttpReply.problem(ProblemDetails.badParam("MANDATORY_IE_INCORRECT", "/validityPeriod", why));
            case RECALLFAIL, REPLACEFAIL, ORIGINALMESSAGESENT ->
                    HttpReply.problem(ProblemDetails.of(403, "Forbidden", "MODIFICATION_NOT_ALLOWED", why));
            case SERVICEUNAVAILABLE, TEMPORARYERROR -> HttpReply.problem(ProblemDetails.of(503, "Service Unavailable", null, why),
                    Map.of("Retry-After", "5"));
            case PERMANENTERROR -> HttpReply.problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", why));
            case SUCCESS -> throw new IllegalArgumentException("SUCCESS is not a refusal");
        };
    }
}

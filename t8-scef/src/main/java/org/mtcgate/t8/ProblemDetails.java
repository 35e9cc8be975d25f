package org.mtcgate.t8;

import java.util.List;

/**
 * RFC 7807 problem details as TS 29.122 5.2.6 shapes them ({@code ProblemDetails} of TS29122_CommonData): the
 * status, a title, what went wrong in this request, a machine-readable cause and the parameters at fault.
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance, String cause,
                             List<InvalidParam> invalidParams) {
    public ProblemDetails {
        invalidParams = invalidParams == null || invalidParams.isEmpty() ? null : List.copyOf(invalidParams);
    }

    /** One parameter at fault: a JSON pointer into the body, or a header's name. */
    public record InvalidParam(String param, String reason) {
    }

    static ProblemDetails of(int status, String title, String cause, String detail) {
        return new ProblemDetails(null, title, status, detail, null, cause, null);
    }

    static ProblemDetails badParam(String cause, String param, String reason) {
        return new ProblemDetails(null, "Bad Request", 400, param + ": " + reason, null, cause,
                List.of(new InvalidParam(param, reason)));
    }

    /** 403 for a field a modification may not change (MODIFICATION_NOT_ALLOWED, TS 29.500 table 5.2.7.2-1). */
    static ProblemDetails unchangeable(String param, String reason) {
        return new ProblemDetails(null, "Forbidden", 403, param + ": " + reason, null, "MODIFICATION_NOT_ALLOWED",
                List.of(new InvalidParam(param, reason)));
    }
}

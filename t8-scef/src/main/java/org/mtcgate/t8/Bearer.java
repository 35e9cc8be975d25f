package org.mtcgate.t8;

import java.util.Map;

/** RFC 6750 3: the {@code WWW-Authenticate: Bearer} challenges of the API's 401 and 403 answers. */
final class Bearer {
    static final String REALM = "mtcgate-t8";

    private Bearer() {
    }

    /** No credentials at all: the challenge carries no error code (RFC 6750 3.1). */
    static HttpReply missing() {
        return HttpReply.problem(ProblemDetails.of(401, "Unauthorized", null, "an OAuth 2.0 bearer token is required"),
                Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\""));
    }

    static HttpReply invalidRequest(String why) {
        return HttpReply.problem(ProblemDetails.of(400, "Bad Request", null, why),
                Map.of("WWW-Authenticate", challenge("invalid_request", why)));
    }

    static HttpReply invalidToken(String why) {
        return HttpReply.problem(ProblemDetails.of(401, "Unauthorized", null, why),
                Map.of("WWW-Authenticate", challenge("invalid_token", why)));
    }

    static HttpReply insufficientScope(Scope needed) {
        String why = "the token does not grant " + needed.token();
        return HttpReply.problem(ProblemDetails.of(403, "Forbidden", "REQUEST_NOT_AUTHORIZED", why),
                Map.of("WWW-Authenticate", challenge("insufficient_scope", why) + ", scope=\"" + needed.token() + "\""));
    }

    private static String challenge(String error, String description) {
        return "Bearer realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\""
                + description.replace("\"", "'").replace("\\", "/") + "\"";
    }
}

package org.mtcgate.t8;

import java.util.Map;

/** An HTTP answer before Netty: status, extra headers, body and its media type (null body: none). */
public record HttpReply(int status, Map<String, String> headers, byte[] body, String contentType) {
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply json(int status, Object value) {
        return new HttpReply(status, Map.of(), Json.write(value), "application/json");
    }

    static HttpReply json(int status, Object value, Map<String, String> headers) {
        return new HttpReply(status, headers, Json.write(value), "application/json");
    }

    static HttpReply problem(ProblemDetails p) {
        return new HttpReply(p.status(), Map.of(), Json.write(p), "application/problem+json");
    }

    static HttpReply problem(ProblemDetails p, Map<String, String> headers) {
        return new HttpReply(p.status(), headers, Json.write(p), "application/problem+json");
    }

    static HttpReply empty(int status) {
        return new HttpReply(status, Map.of(), null, null);
    }
}

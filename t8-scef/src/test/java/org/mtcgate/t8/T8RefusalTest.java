package org.mtcgate.t8;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal of TS 33.187 5.5 and of the procedure, over real HTTPS: each is answered precisely and nothing
 * reaches the SMS-SC.
 */
class T8RefusalTest {
    static final String AS1 = "/3gpp-device-triggering/v1/as1/transactions";
    final T8Fixture t8 = new T8Fixture();

    T8RefusalTest() throws Exception {
    }

    @AfterEach
    void stop() {
        t8.close();
    }

    private void nothingSubmitted() {
        assertEquals(List.of(), t8.smsc.calls, "nothing reached the SMS-SC");
    }

    private static void problem(HttpResponse<String> r, int status, String cause) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode p = T8Fixture.json(r.body());
        assertEquals(status, p.get("status").asInt());
        if (cause != null) {
            assertEquals(cause, p.get("cause").asText(), r.body());
        }
    }

    @Test
    void noClientCertificateNoHandshake() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(TestPki.context(null, t8.pki.ca)).build();
        assertThrows(IOException.class, () -> t8.send(anonymous, "POST", AS1, "x", t8.trigger("491701000001", "wake")));
        nothingSubmitted();
    }

    @Test
    void certificateOfNoRegisteredScsAs() throws Exception {
        HttpClient stranger = t8.client(t8.stranger);
        problem(t8.tokenResponse(stranger, "as1", "secret-as1", null), 403, "REQUEST_NOT_AUTHORIZED");
        problem(t8.send(stranger, "POST", AS1, "x", t8.trigger("491701000001", "wake")), 403, "REQUEST_NOT_AUTHORIZED");
        nothingSubmitted();
    }

    @Test
    void certificateOfAnotherScsAs() throws Exception {
        HttpClient as2 = t8.client(t8.as2);
        String as2Token = t8.token(as2, "as2", null);
        problem(t8.send(as2, "POST", AS1, as2Token, t8.trigger("491701000001", "wake")), 403, "REQUEST_NOT_AUTHORIZED");
        HttpResponse<String> asAs1 = t8.tokenResponse(as2, "as1", "secret-as1", null);
        assertEquals(401, asAs1.statusCode(), "a token for as1 is not issued over as2's certificate");
        assertEquals("invalid_client", T8Fixture.json(asAs1.body()).get("error").asText());
        // A token of as1 presented over as2's connection is bound to as1's certificate.
        String as1Token = t8.token(t8.client(t8.as1), "as1", null);
        HttpResponse<String> stolen = t8.send(as2, "POST", "/3gpp-device-triggering/v1/as2/transactions", as1Token,
                t8.trigger("491701000001", "wake"));
        assertEquals(401, stolen.statusCode());
        assertTrue(stolen.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(t8.refusals.containsAll(List.of("as2 t8-other-scs-as", "as2 t8-token-client-not-certificate",
                "as2 t8-invalid-token")), t8.refusals.toString());
        nothingSubmitted();
    }

    @Test
    void wrongSecretOrGrant() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        HttpResponse<String> bad = t8.tokenResponse(as1, "as1", "guess", null);
        assertEquals(401, bad.statusCode());
        assertEquals("no-store", bad.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("invalid_scope", T8Fixture.json(t8.tokenResponse(as1, "as1", "secret-as1", "device-triggering:delete-all").body())
                .get("error").asText());
    }

    @Test
    void noTokenExpiredTokenWrongAudienceWrongScope() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String body = t8.trigger("491701000001", "wake");
        HttpResponse<String> none = t8.send(as1, "POST", AS1, null, body);
        problem(none, 401, null);
        assertEquals("Bearer realm=\"mtcgate-t8\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());

        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new AccessTokens(t8.tokenKey, t8.settings.issuer(), t8.settings.apiUri(), Duration.ofMinutes(5), past)
                .issue("as1", Scope.all(), t8.as1.certificate());
        HttpResponse<String> old = t8.send(as1, "POST", AS1, expired, body);
        assertEquals(401, old.statusCode());
        assertTrue(old.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(old.body().contains("expired"), old.body());

        String otherApi = new AccessTokens(t8.tokenKey, t8.settings.issuer(), "https://localhost/3gpp-nidd/v1", Duration.ofMinutes(5),
                Clock.systemUTC()).issue("as1", Scope.all(), t8.as1.certificate());
        HttpResponse<String> elsewhere = t8.send(as1, "POST", AS1, otherApi, body);
        assertEquals(401, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("audience"), elsewhere.body());

        String forged = new AccessTokens(TestPki.keyPair(), t8.settings.issuer(), t8.settings.apiUri(), Duration.ofMinutes(5),
                Clock.systemUTC()).issue("as1", Scope.all(), t8.as1.certificate());
        assertEquals(401, t8.send(as1, "POST", AS1, forged, body).statusCode());

        String readOnly = t8.token(as1, "as1", "device-triggering:read");
        HttpResponse<String> scope = t8.send(as1, "POST", AS1, readOnly, body);
        problem(scope, 403, "REQUEST_NOT_AUTHORIZED");
        assertEquals("Bearer realm=\"mtcgate-t8\", error=\"insufficient_scope\", error_description=\"the token does not grant "
                + "device-triggering:create\", scope=\"device-triggering:create\"", scope.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(200, t8.send(as1, "GET", AS1, readOnly, null).statusCode(), "reading is what it grants");
        assertTrue(t8.refusals.containsAll(List.of("as1 t8-no-token", "as1 t8-invalid-token", "as1 t8-insufficient-scope")),
                t8.refusals.toString());
        nothingSubmitted();
    }

    @Test
    void ueNotGrantedByThePolicy() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String token = t8.token(as1, "as1", null);
        // 491709... is not in the group the policy grants as1 (the HSS would allow it).
        HttpResponse<String> r = t8.send(as1, "POST", AS1, token, t8.trigger("491709000009", "wake"));
        problem(r, 403, "REQUEST_NOT_AUTHORIZED");
        assertEquals(0, t8.server.transactionCount());
        nothingSubmitted();
    }

    @Test
    void rateExceeded() throws Exception {
        HttpClient as3 = t8.client(t8.as3);
        String token = t8.token(as3, "as3", null);
        String path = "/3gpp-device-triggering/v1/as3/transactions";
        assertEquals(201, t8.send(as3, "POST", path, token, t8.trigger("491701000001", "one")).statusCode());
        HttpResponse<String> second = t8.send(as3, "POST", path, token, t8.trigger("491701000001", "two"));
        problem(second, 429, null);
        assertTrue(second.body().contains("rate exceeded"), second.body());
        assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, t8.smsc.submitted.size(), "only the first reached the SMS-SC");
    }

    @Test
    void malformedBodiesAreNamedPrecisely() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String token = t8.token(as1, "as1", null);
        problem(t8.send(as1, "POST", AS1, token, "{\"msisdn\": "), 400, "INVALID_MSG_FORMAT");
        HttpResponse<String> unknown = t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("{", "{\"colour\": 1, "));
        problem(unknown, 400, "INVALID_MSG_FORMAT");
        assertEquals("/colour", T8Fixture.json(unknown.body()).get("invalidParams").get(0).get("param").asText());
        HttpResponse<String> missing = t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("\"priority\": \"NO_PRIORITY\",", ""));
        problem(missing, 400, "MANDATORY_IE_MISSING");
        assertEquals("/priority", T8Fixture.json(missing.body()).get("invalidParams").get(0).get("param").asText());
        HttpResponse<String> port = t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("9200", "\"9200\""));
        problem(port, 400, "INVALID_MSG_FORMAT");
        problem(t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("9200", "70000")), 400, "MANDATORY_IE_INCORRECT");
        problem(t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("600", "0")), 400, "MANDATORY_IE_INCORRECT");
        problem(t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x").replace("https://", "http://")), 400, "MANDATORY_IE_INCORRECT");
        problem(t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x".repeat(20_000))), 413, null);
        nothingSubmitted();
    }

    @Test
    void oversizedBodiesAreAnswered413BeforeTheConnectionCloses() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String token = t8.token(as1, "as1", null);
        // Larger than any socket buffer: the client is still writing when the 413 is sent. Before the drain, closing
        // at that moment reset the connection and the client saw "header parser received no bytes" instead.
        for (int size : new int[] {20_000, 300_000, 900_000}) {
            HttpResponse<String> r = t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x".repeat(size)));
            problem(r, 413, null);
        }
        // Beyond the keep-alive limit the connection closes once the body has been read; the client still gets the answer.
        HttpResponse<String> huge = t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "x".repeat(2_000_000)));
        problem(huge, 413, null);
        assertEquals("close", huge.headers().firstValue("Connection").orElseThrow());
        assertEquals(201, t8.send(as1, "POST", AS1, token, t8.trigger("491701000001", "after")).statusCode(),
                "the node still serves this client");
        assertEquals(1, t8.smsc.submitted.size(), "only the last trigger reached the SMS-SC");
    }

    @Test
    void aClientThatStopsInsideAnOversizedBodyIsClosed() throws Exception {
        try (SSLSocket socket = (SSLSocket) TestPki.context(t8.as1, t8.pki.ca).getSocketFactory().createSocket("127.0.0.1", t8.server.localAddress().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + AS1 + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000000\r\n\r\n" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The 413 comes at once; then the node waits a bounded time for the rest, which never comes, and closes.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
        }
        nothingSubmitted();
    }
}

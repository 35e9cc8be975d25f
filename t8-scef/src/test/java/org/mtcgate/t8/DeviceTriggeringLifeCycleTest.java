package org.mtcgate.t8;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceTrigger;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole transaction over HTTPS with the JDK client: token, create, retry, read, replace, report, remove; and a recall. */
class DeviceTriggeringLifeCycleTest {
    final T8Fixture t8 = new T8Fixture();

    DeviceTriggeringLifeCycleTest() throws Exception {
    }

    @AfterEach
    void stop() {
        t8.close();
    }

    @Test
    void createReadReplaceReportAndRemove() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String token = t8.token(as1, "as1", null);
        String path = "/3gpp-device-triggering/v1/as1/transactions";

        HttpResponse<String> created = t8.send(as1, "POST", path, token, t8.trigger("meter-1@meters.example.com", "wake"));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode resource = T8Fixture.json(created.body());
        assertEquals(location, resource.get("self").asText());
        assertEquals("TRIGGERED", resource.get("deliveryResult").asText());
        assertEquals(1, t8.smsc.submitted.size());
        DeviceTrigger sent = t8.smsc.submitted.get(0);
        assertArrayEquals("wake".getBytes(StandardCharsets.US_ASCII), sent.payload());
        assertEquals(9200, sent.applicationPort());
        assertEquals("as1", sent.id().scsIdentity());

        HttpResponse<String> retried = t8.send(as1, "POST", path, token,
                t8.trigger("meter-1@meters.example.com", "wake").replace(", ", ","));
        assertEquals(201, retried.statusCode());
        assertEquals(location, retried.headers().firstValue("Location").orElseThrow(), "a retried create is the same transaction");
        assertEquals(1, t8.smsc.submitted.size(), "and is not submitted again");

        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> one = t8.send(as1, "GET", path + "/" + id, token, null);
        assertEquals(200, one.statusCode());
        assertEquals("meter-1@meters.example.com", T8Fixture.json(one.body()).get("externalId").asText());
        HttpResponse<String> all = t8.send(as1, "GET", path, token, null);
        assertEquals(1, T8Fixture.json(all.body()).size());

        HttpResponse<String> replaced = t8.send(as1, "PUT", path + "/" + id, token, t8.trigger("meter-1@meters.example.com", "again"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("REPLACED", T8Fixture.json(replaced.body()).get("deliveryResult").asText());
        assertTrue(t8.smsc.calls.get(1).startsWith("replace as1#"), t8.smsc.calls.toString());
        DeviceTrigger replacement = t8.smsc.submitted.get(1);
        assertArrayEquals("again".getBytes(StandardCharsets.US_ASCII), replacement.payload());

        assertTrue(t8.triggering.onDeliveryReport(replacement.id(), DeliveryOutcome.SUCCESS).toCompletableFuture().get(5, TimeUnit.SECONDS));
        T8Fixture.Received report = t8.received.poll(10, TimeUnit.SECONDS);
        assertNotNull(report, "the delivery report reaches the notification destination");
        JsonNode notification = T8Fixture.json(new String(report.body(), StandardCharsets.UTF_8));
        assertEquals(location, notification.get("transaction").asText());
        assertEquals("SUCCESS", notification.get("result").asText());
        verifySignature(as1, report);

        assertEquals("SUCCESS", T8Fixture.json(t8.send(as1, "GET", path + "/" + id, token, null).body()).get("deliveryResult").asText());
        assertEquals(204, t8.send(as1, "DELETE", path + "/" + id, token, null).statusCode());
        HttpResponse<String> gone = t8.send(as1, "GET", path + "/" + id, token, null);
        assertEquals(404, gone.statusCode());
        assertEquals("RESOURCE_NOT_FOUND", T8Fixture.json(gone.body()).get("cause").asText());
        assertEquals(2, t8.smsc.calls.size(), "removing a finished transaction recalls nothing");
    }

    @Test
    void deleteRecallsAPendingTrigger() throws Exception {
        HttpClient as2 = t8.client(t8.as2);
        String token = t8.token(as2, "as2", "device-triggering:create device-triggering:recall");
        HttpResponse<String> created = t8.send(as2, "POST", "/3gpp-device-triggering/v1/as2/transactions", token,
                t8.trigger("491701000001", "wake"));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(204, t8.send(as2, "DELETE", "/3gpp-device-triggering/v1/as2/transactions/" + id, token, null).statusCode());
        assertTrue(t8.smsc.calls.get(1).startsWith("recall as2#"), t8.smsc.calls.toString());
    }

    /** TS 29.500 table 5.2.7.2-1: a modification of what may not be modified is 403 MODIFICATION_NOT_ALLOWED. */
    @Test
    void aReplaceThatChangesTheUeIsNotAllowed() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        String token = t8.token(as1, "as1", null);
        String path = "/3gpp-device-triggering/v1/as1/transactions";
        HttpResponse<String> created = t8.send(as1, "POST", path, token, t8.trigger("meter-1@meters.example.com", "wake"));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> refused = t8.send(as1, "PUT", path + "/" + id, token, t8.trigger("meter-2@meters.example.com", "again"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = T8Fixture.json(refused.body());
        assertEquals("MODIFICATION_NOT_ALLOWED", problem.get("cause").asText());
        assertEquals("/externalId", problem.get("invalidParams").get(0).get("param").asText());
        assertEquals(1, t8.smsc.calls.size(), "nothing replaced");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpClient as1 = t8.client(t8.as1);
        HttpResponse<String> doc = t8.send(as1, "GET", "/3gpp-device-triggering/v1/openapi.yaml", null, null);
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("DeviceTriggeringDeliveryReportNotification"));
        assertEquals("application/yaml", doc.headers().firstValue("Content-Type").orElseThrow());
    }

    private void verifySignature(HttpClient client, T8Fixture.Received report) throws Exception {
        JWKSet keys = JWKSet.parse(t8.send(client, "GET", "/oauth2/jwks", null, null).body());
        SignedJWT jws = SignedJWT.parse(report.signature());
        assertTrue(jws.verify(new ECDSAVerifier((ECKey) keys.getKeys().get(0))), "signed with the key of /oauth2/jwks");
        assertEquals(T8Notifier.sha256(report.body()), jws.getJWTClaimsSet().getStringClaim("body_sha256"));
        assertEquals("as1", jws.getJWTClaimsSet().getAudience().get(0));
        assertNotNull(jws.getJWTClaimsSet().getJWTID());
    }
}

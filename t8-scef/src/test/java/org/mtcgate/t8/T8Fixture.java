package org.mtcgate.t8;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.trigger.DeviceNotifier;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.MemoryTriggerStore;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A T8 server on 127.0.0.1 over the MTC-IWF procedure with in-memory ports, an SMS-SC that records what reaches it,
 * a notification server (HTTPS, client certificate required) and clients for three SCS/ASs:
 * as1 (granted meters), as2 (granted meters, its own certificate) and as3 (rate 1/s, burst 1).
 */
final class T8Fixture implements AutoCloseable {
    static final String POLICY = """
            version: 1
            groups:
              meters: {msisdn-prefixes: ["4917010"], external-id-domains: [meters.example.com]}
            senders:
              - {id: as1, ingress: [t8], identities: [as1], grants: [{kinds: [trigger], to: [meters]}]}
              - {id: as2, ingress: [t8], identities: [as2], grants: [{kinds: [trigger], to: [meters]}]}
              - {id: as3, ingress: [t8], identities: [as3], grants: [{kinds: [trigger], to: [meters]}],
                 rate: {per-second: 1, burst: 1}}
            """;

    /** The SMS-SC: records every call. */
    static final class RecordingSmsc implements TriggerSubmitter {
        final List<DeviceTrigger> submitted = Collections.synchronizedList(new ArrayList<>());
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            calls.add("submit " + trigger.id());
            submitted.add(trigger);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
            calls.add("recall " + pending.id());
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            calls.add("replace " + original.id() + " by " + replacement.id());
            submitted.add(replacement);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }
    }

    /** One notification as the SCS/AS's server received it. */
    record Received(byte[] body, String signature) {
    }

    final TestPki pki = new TestPki();
    final TestPki.Credential scef = pki.issue("scef.operator.example", "localhost");
    final TestPki.Credential as1 = pki.issue("as1.example.com");
    final TestPki.Credential as2 = pki.issue("as2.example.com");
    final TestPki.Credential as3 = pki.issue("as3.example.com");
    final TestPki.Credential stranger = pki.issue("stranger.example.com");
    final KeyPair tokenKey = TestPki.keyPair();
    final RecordingSmsc smsc = new RecordingSmsc();
    final MemoryTriggerStore store = new MemoryTriggerStore();
    final DeviceTriggering triggering;
    final T8Server server;
    final T8Settings settings;
    final HttpsServer notifications;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** "who rule" of every security refusal, as the node's audit would get them. */
    final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    final String base;

    T8Fixture() throws Exception {
        ManualTime time = new ManualTime();
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), time).load("p.yaml", POLICY, ListSource.NONE), time);
        SubscriberTable hss = new SubscriberTable(List.of(
                new Subscriber(Imsi.of("262015500000001"), Msisdn.of("491701000001"), List.of(ExternalId.of("meter-1@meters.example.com")),
                        Set.of("as1", "as2", "as3"), List.of("491720000200")),
                new Subscriber(Imsi.of("262015500000009"), Msisdn.of("491709000009"), List.of(), Set.of("as1"), List.of("491720000200"))));
        AtomicReference<DeviceNotifier> t8 = new AtomicReference<>();
        triggering = new DeviceTriggering(filter, hss, store, smsc, n -> t8.get().notify(n), TriggerObserver.NONE,
                TriggerLimits.DEFAULT, Clock.systemUTC());
        settings = new T8Settings(new InetSocketAddress("127.0.0.1", 0), URI.create("https://localhost"), scef.key(),
                TestPki.chain(scef), List.of(pki.ca), List.of(
                new T8Client("as1", Set.of("as1.example.com"), Scope.all()),
                new T8Client("as2", Set.of("as2.example.com"), Scope.all()),
                new T8Client("as3", Set.of("as3.example.com"), Scope.all())),
                tokenKey, Duration.ofMinutes(5), Duration.ofSeconds(60), 16 * 1024, 1000);
        server = T8Server.start(settings, triggering, (id, secret) -> ("secret-" + id).equals(new String(secret)),
                (who, rule, reason) -> refusals.add(who + " " + rule), Clock.systemUTC());
        t8.set(server.notifier());
        base = "https://localhost:" + server.localAddress().getPort();

        notifications = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SSLContext tls = scefClientTrustingServer();
        notifications.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        notifications.createContext("/reports", exchange -> {
            received.add(new Received(exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders().getFirst(T8Notifier.SIGNATURE_HEADER)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        notifications.start();
    }

    /** The notification server's own TLS: a certificate for localhost from the same CA. */
    private SSLContext scefClientTrustingServer() throws Exception {
        return pki.issue("as1-notifications", "localhost").context(pki.ca);
    }

    String notificationUri() {
        return "https://localhost:" + notifications.getAddress().getPort() + "/reports";
    }

    HttpClient client(TestPki.Credential who) throws Exception {
        return HttpClient.newBuilder().sslContext(TestPki.context(who, pki.ca)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    String token(HttpClient client, String id, String scope) throws Exception {
        HttpResponse<String> r = tokenResponse(client, id, "secret-" + id, scope);
        if (r.statusCode() != 200) {
            throw new AssertionError("token refused: " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body()).get("access_token").asText();
    }

    HttpResponse<String> tokenResponse(HttpClient client, String id, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "+"));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpClient client, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String trigger(String ue, String payload) {
        String name = ue.contains("@") ? "\"externalId\": \"" + ue + "\"" : "\"msisdn\": \"" + ue + "\"";
        return "{" + name + ", \"validityPeriod\": 600, \"priority\": \"NO_PRIORITY\", \"applicationPortId\": 9200,"
                + " \"triggerPayload\": \"" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "\","
                + " \"notificationDestination\": \"" + notificationUri() + "\"}";
    }

    static JsonNode json(String body) throws Exception {
        return Json.MAPPER.readTree(body);
    }

    @Override
    public void close() {
        server.close();
        notifications.stop(0);
    }
}

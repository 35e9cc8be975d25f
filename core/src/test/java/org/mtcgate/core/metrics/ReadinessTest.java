package org.mtcgate.core.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /ready over HTTP: what keeps the node from being ready is named, and mtcgate_ready says the same. */
class ReadinessTest {
    private final NodeMetrics metrics = new NodeMetrics();
    private MetricsServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        server = MetricsServer.start(metrics, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPeerThatDialsInWhenItLikesDoesNotKeepTheNodeUnready() throws Exception {
        Map<String, Boolean> peers = new ConcurrentHashMap<>(Map.of("hss.example", true, "scs1.example", false));
        metrics.peerStates("diameter", () -> Map.copyOf(peers), "hss.example"::equals);
        assertEquals(200, get("/ready").statusCode(), "scs1 dials in; only the dialled HSS counts");
        assertTrue(get("/metrics").body().contains("mtcgate_peer_up{peer=\"scs1.example\",protocol=\"diameter\"} 0.0"),
                "still shown as down");
        peers.put("hss.example", false);
        HttpResponse<String> r = get("/ready");
        assertEquals(503, r.statusCode());
        assertEquals("not ready:\ndiameter hss.example down\n", r.body());
    }

    @Test
    void readyOnlyWhenEveryConditionAndPeerIs() throws Exception {
        AtomicBoolean running = new AtomicBoolean(false);
        Map<String, Boolean> associations = new ConcurrentHashMap<>(Map.of("msc1", true, "hlr1", false));
        metrics.readinessCondition(() -> running.get() ? Optional.empty() : Optional.of("the node is starting or stopping"));
        metrics.peerStates("m3ua", () -> Map.copyOf(associations));
        metrics.peerStates("diameter", () -> Map.of("scs1.example", true));

        HttpResponse<String> r = get("/ready");
        assertEquals(503, r.statusCode());
        assertEquals("not ready:\nthe node is starting or stopping\nm3ua hlr1 down\n", r.body());
        assertTrue(get("/metrics").body().contains("mtcgate_ready 0.0"));

        running.set(true);
        associations.put("hlr1", true);
        r = get("/ready");
        assertEquals(200, r.statusCode());
        assertEquals("ready\n", r.body());
        assertTrue(get("/metrics").body().contains("mtcgate_ready 1.0"));

        assertEquals(404, get("/nothing").statusCode());
        assertEquals(200, get("/-/healthy").statusCode());
    }

    @Test
    void roleGaugesAndCountersAreReadAtScrapeTime() throws Exception {
        Map<String, Integer> held = new ConcurrentHashMap<>(Map.of("accepted", 2));
        metrics.gauge("mtcgate_test_held", "held by state", "state", () -> held);
        metrics.counter("mtcgate_test_attempts_total", "attempts", null, () -> Map.of("", 7L));
        metrics.gauge("mtcgate_test_broken", "a source that fails", null, () -> {
            throw new IllegalStateException("closed");
        });
        metrics.buildInfo("1.2.3", "abcdef1");
        String body = get("/metrics").body();
        assertTrue(body.contains("mtcgate_test_held{state=\"accepted\"} 2.0"), body);
        assertTrue(body.contains("mtcgate_test_attempts_total 7.0"), body);
        assertTrue(body.contains("mtcgate_build_info{commit=\"abcdef1\",version=\"1.2.3\"} 1.0"), body);
        assertTrue(body.contains("jvm_memory_used_bytes{area=\"heap\"}") && body.contains("process_open_fds")
                && body.contains("jvm_threads_current") && body.contains("process_uptime_seconds"), body);
        held.put("submitted", 1);
        assertTrue(get("/metrics").body().contains("mtcgate_test_held{state=\"submitted\"} 1.0"));
    }
}

package org.mtcgate.core.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records through NodeMetrics and scrapes /metrics over HTTP on loopback. */
class NodeMetricsTest {
    private NodeMetrics metrics;
    private MetricsServer server;

    @BeforeEach
    void start() throws Exception {
        metrics = new NodeMetrics();
        server = MetricsServer.start(metrics, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> scrape() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return Arrays.asList(response.body().split("\n"));
    }

    @Test
    void verdictsAreCountedByIngressDecisionAndRule() throws Exception {
        Verdict allow = Verdict.allow("scs-acme", "granted to scs.acme.example");
        Verdict deny = Verdict.block("default-deny-trigger", "no grant", RequestStatus.NOTAUTHORIZED);
        InboundItem trigger = InboundItem.builder(Ingress.TSP, Originator.named("scs.acme.example"))
                .targetMsisdn(Msisdn.of("4917012345678")).tpPid(0x48).build();
        InboundItem mt = InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of("491710000"),
                GlobalTitle.of("491710001"), GlobalTitle.of("12345"))).tpPid(0x7F).build();
        metrics.verdict(trigger, allow);
        metrics.verdict(trigger, allow);
        metrics.verdict(trigger, deny);
        metrics.verdict(mt, deny);

        List<String> lines = scrape();
        assertTrue(lines.contains("# TYPE mtcgate_verdicts_total counter"), String.join("\n", lines));
        assertTrue(lines.contains("mtcgate_verdicts_total{decision=\"allow\",ingress=\"tsp\",rule=\"scs-acme\"} 2.0"),
                String.join("\n", lines));
        assertTrue(lines.contains("mtcgate_verdicts_total{decision=\"block\",ingress=\"tsp\",rule=\"default-deny-trigger\"} 1.0"));
        assertTrue(lines.contains(
                "mtcgate_verdicts_total{decision=\"block\",ingress=\"router-mt\",rule=\"default-deny-trigger\"} 1.0"));
    }

    @Test
    void peerCountersAndStates() throws Exception {
        PeerCounters hss = metrics.diameterPeer("hss1.example");
        hss.messageIn();
        hss.messageIn();
        hss.messageOut();
        hss.error();
        assertTrue(hss == metrics.diameterPeer("hss1.example"), "one handle per peer");
        metrics.m3uaAssociation("stp-a").messageOut();
        metrics.peerStates("diameter", () -> Map.of("hss1.example", true));
        metrics.peerStates("m3ua", () -> Map.of("stp-a", false));

        List<String> lines = scrape();
        String all = String.join("\n", lines);
        assertTrue(lines.contains("mtcgate_diameter_messages_total{direction=\"in\",peer=\"hss1.example\"} 2.0"), all);
        assertTrue(lines.contains("mtcgate_diameter_messages_total{direction=\"out\",peer=\"hss1.example\"} 1.0"), all);
        assertTrue(lines.contains("mtcgate_diameter_errors_total{peer=\"hss1.example\"} 1.0"), all);
        assertTrue(lines.contains("mtcgate_m3ua_messages_total{association=\"stp-a\",direction=\"out\"} 1.0"), all);
        assertTrue(lines.contains("mtcgate_peer_up{peer=\"hss1.example\",protocol=\"diameter\"} 1.0"), all);
        assertTrue(lines.contains("mtcgate_peer_up{peer=\"stp-a\",protocol=\"m3ua\"} 0.0"), all);
    }

    @Test
    void latencyHistogramHasBucketsFromATenthOfAMillisecondToASecond() throws Exception {
        Latency dar = metrics.latency("tsp_dar");
        dar.observeNanos(50_000);      // 0.05 ms
        dar.observeNanos(3_000_000);   // 3 ms
        dar.observeSeconds(2.0);       // beyond the last bound
        List<String> lines = scrape();
        String all = String.join("\n", lines);
        assertTrue(lines.contains("# TYPE mtcgate_tsp_dar_seconds histogram"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_bucket{le=\"1.0E-4\"} 1"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_bucket{le=\"0.0025\"} 1"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_bucket{le=\"0.005\"} 2"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_bucket{le=\"1.0\"} 2"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_bucket{le=\"+Inf\"} 3"), all);
        assertTrue(lines.contains("mtcgate_tsp_dar_seconds_count 3"), all);
        assertThrows(IllegalArgumentException.class, () -> metrics.latency("Tsp DAR"));
    }
}

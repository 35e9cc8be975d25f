package org.mtcgate.lab.gba;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.filter.MutableClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ub under a flood, over real HTTPS on 127.0.0.1 against a node with roles hss and bsf: unauthenticated GETs must
 * not make the BSF fetch vector after vector (each advances SEQ_HE with a durable write at the HSS). The SQN a
 * legitimate UE's USIM accepts afterwards tells how far SEQ_HE moved. The node's clock is moved by hand, so
 * Retry-After is honoured without waiting.
 */
class UbFloodTest {
    static final String FIRST = "Digest username=\"" + GbaUeTest.IMPI + "\", realm=\"\", nonce=\"\", uri=\"/\", response=\"\"";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.now());
    Node node;
    UbClient client;

    void start(String limits) throws Exception {
        GbaLabNode.writeInputs(dir, "");
        GbaLabNode.writeUbNode(dir, "  ub-limits: " + limits + "\n");
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), clock);
        client = GbaLabNode.ubClient(node, dir);
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** The SEQ of the vector a legitimate UE bootstraps with: 1 + the vectors issued before it. */
    long legitimateUeBootstrapsAtSeq() throws Exception {
        return new GbaUe(GbaUeTest.SUB, client).bootstrap(UsimSequenceState.initial()).usim().highest().seq();
    }

    @Test
    void aFloodOfFirstRequestsGetsTheOpenChallengeAndSeqHeMovesOnce() throws Exception {
        start("{per-source: {per-second: 1, burst: 1000}}");
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            UbClient.Response r = client.get(FIRST);
            assertEquals(401, r.status());
            nonces.add(DigestParameters.parseChallengeOrCredentials(r.header("WWW-Authenticate")).require("nonce"));
        }
        assertEquals(1, nonces.size(), "one challenge for all 300");
        assertEquals(1, legitimateUeBootstrapsAtSeq(), "SEQ_HE moved by the one vector, and the UE answered that challenge");
    }

    @Test
    void aFloodThatUsesChallengesUpIsBoundedPerImpiAndAudited() throws Exception {
        start("{per-source: {per-second: 1, burst: 1000}, per-impi: {per-second: 0.01, burst: 5}}");
        int forbidden = 0;
        int limited = 0;
        long retryAfter = 0;
        for (int i = 0; i < 100; i++) {
            UbClient.Response r = client.get(FIRST);
            if (r.status() == 401) {
                DigestParameters c = DigestParameters.parseChallengeOrCredentials(r.header("WWW-Authenticate"));
                DigestAka.Input in = new DigestAka.Input(GbaUeTest.IMPI, GbaUeTest.BSF, c.require("nonce"), "GET", "/",
                        "auth-int", "00000001", "abcd");
                UbClient.Response wrong = client.get(answer(in, DigestAka.response(in, new byte[8], new byte[0])));
                assertEquals(403, wrong.status());
                forbidden++;
            } else {
                assertEquals(429, r.status(), new String(r.body(), StandardCharsets.UTF_8));
                assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("too many challenges for this IMPI"));
                retryAfter = Long.parseLong(r.header("Retry-After"));
                limited++;
            }
        }
        assertEquals(5, forbidden, "the burst of fresh vectors, no more");
        assertEquals(95, limited);
        assertEquals(100, retryAfter, "one token per 100 s");
        assertEquals(429, client.get(FIRST).status(), "the legitimate UE is limited too, until Retry-After");
        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(6, legitimateUeBootstrapsAtSeq(), "SEQ_HE moved by the burst and the UE's own vector only");
        StringBuilder stats = new StringBuilder();
        node.stats(line -> stats.append(line).append('\n'));
        assertTrue(stats.toString().contains("limited=96"), stats.toString());
        String metrics = scrape();
        assertTrue(metrics.contains("mtcgate_ub_requests_total{outcome=\"limited\"} 96.0"), metrics);
        assertTrue(metrics.contains("mtcgate_ub_requests_total{outcome=\"refused\"} 5.0"), metrics);
        node.close();
        node = null;
        String audit = GbaLabNode.audit(dir);
        assertEquals(1, count(audit, "\"ub-rate-impi\""), "a flood is audited once per episode:\n" + audit);
        assertEquals(5, count(audit, "\"ub-auth-failed\""), audit);
    }

    @Test
    void aFloodFromOneSourceGets429WithRetryAfterAndTheSourceRecovers() throws Exception {
        start("{per-source: {per-second: 0.5, burst: 20}}");
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            UbClient.Response r = client.get(FIRST);
            if (r.status() == 429) {
                assertEquals("2", r.header("Retry-After"));
                assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("too many requests from 127.0.0.1"));
                limited++;
            } else {
                assertEquals(401, r.status());
            }
        }
        assertEquals(40, limited);
        clock.advance(Duration.ofSeconds(8));
        assertEquals(1, legitimateUeBootstrapsAtSeq(), "the 20 admitted requests shared one challenge");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String answer(DigestAka.Input in, String response) {
        return "Digest username=\"" + in.username() + "\", realm=\"" + in.realm() + "\", nonce=\"" + in.nonce()
                + "\", uri=\"" + in.uri() + "\", qop=" + in.qop() + ", nc=" + in.nc() + ", cnonce=\"" + in.cnonce()
                + "\", response=\"" + response + "\", algorithm=AKAv1-MD5";
    }

    private String scrape() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.metricsPort().orElseThrow()
                + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}

package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.RequestStatus;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.core.node.OperatedNode.MSC;
import static org.mtcgate.core.node.OperatedNode.SCS;

/** The per-peer counters count what crosses each peer's connection: a DAR in, its DAA out; M3UA both ways. */
class NodePeerCountersTest {
    @TempDir
    Path dir;
    OperatedNode lab;

    @BeforeEach
    void start() throws Exception {
        lab = new OperatedNode(dir).start();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aDarAndItsDaaAreCountedOnThePeer() throws Exception {
        String in = "mtcgate_diameter_messages_total{direction=\"in\",peer=\"" + SCS + "\"}";
        String out = "mtcgate_diameter_messages_total{direction=\"out\",peer=\"" + SCS + "\"}";
        lab.node().diameter().orElseThrow().whenPeerOpen(SCS).get(30, TimeUnit.SECONDS);
        double inBefore = lab.value(in);
        double outBefore = lab.value(out);
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), lab.trigger(1, "491701000002"));
        assertEquals(inBefore + 1, lab.value(in), "the DAR");
        assertEquals(outBefore + 1, lab.value(out), "the DAA");
        assertTrue(lab.scrape().contains("mtcgate_diameter_errors_total{peer=\"" + SCS + "\"} 0.0"),
                "served from the peer's first message; a refusal by policy is no error");
        assertTrue(lab.value("mtcgate_m3ua_messages_total{association=\"" + MSC + "\",direction=\"in\"}") > 0,
                "ASP management over the association is counted");
        assertTrue(lab.value("mtcgate_m3ua_messages_total{association=\"" + MSC + "\",direction=\"out\"}") > 0,
                "and so are the node's answers to it (ASPUP ACK, ASPAC ACK)");
        assertEquals(1, lab.value("mtcgate_peer_up{peer=\"" + SCS + "\",protocol=\"diameter\"}"));
        assertEquals(1, lab.value("mtcgate_peer_up{peer=\"" + MSC + "\",protocol=\"m3ua\"}"));
        assertEquals(1, lab.value("mtcgate_tsp_dar_seconds_count"));
        assertEquals(1, lab.value("mtcgate_verdicts_total{decision=\"block\",ingress=\"tsp\",rule=\"scs1/ue-not-granted\"}"));
    }
}

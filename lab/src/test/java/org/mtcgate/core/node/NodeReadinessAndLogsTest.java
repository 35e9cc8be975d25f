package org.mtcgate.core.node;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.RequestStatus;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.core.node.OperatedNode.MSC;
import static org.mtcgate.core.node.OperatedNode.SCS;

/**
 * What an operator sees over a normal start, a Diameter peer and an M3UA peer restarting, and a stop: /ready turns
 * 503 naming the peer that is down and 200 again when it is back, and the log has no WARN or ERROR, no stack trace,
 * and one line for each peer going down and one for it coming back.
 */
class NodeReadinessAndLogsTest {
    @TempDir
    Path dir;
    OperatedNode lab;
    CapturedLog log;

    @BeforeEach
    void start() throws Exception {
        log = CapturedLog.attach();
        lab = new OperatedNode(dir).start();
    }

    @AfterEach
    void stop() {
        lab.close();
        log.close();
    }

    private static boolean diameterDown(CapturedLog.Line l) {
        return l.level() == Level.INFO && l.message().startsWith(SCS + " (") && l.message().contains("): peer down (");
    }

    private static boolean diameterUp(CapturedLog.Line l) {
        return l.level() == Level.INFO && l.message().startsWith(SCS + " (") && l.message().contains("): peer up, open as");
    }

    private static boolean m3uaDown(CapturedLog.Line l) {
        return l.level() == Level.INFO && l.message().matches("M3UA AS .*" + MSC + ".* down");
    }

    private static boolean m3uaUp(CapturedLog.Line l) {
        return l.level() == Level.INFO && l.message().matches("M3UA AS .*" + MSC + ".* active");
    }

    private static String show(List<CapturedLog.Line> lines) {
        return lines.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void peersRestartingTurnReadyOffAndOnWithOneLogLineEachWayAndNoWarnings() throws Exception {
        lab.node().diameter().orElseThrow().whenPeerOpen(SCS).get(30, TimeUnit.SECONDS);
        int restart = log.mark();

        lab.stopScs();
        HttpResponse<String> notReady = lab.awaitReady(r -> r.statusCode() == 503);
        assertEquals("not ready:\ndiameter " + SCS + " down\n", notReady.body());
        assertTrue(lab.scrape().contains("mtcgate_ready 0.0"));
        lab.startScs();
        lab.node().diameter().orElseThrow().whenPeerOpen(SCS).get(30, TimeUnit.SECONDS);
        assertEquals("ready\n", lab.awaitReady(r -> r.statusCode() == 200).body());

        List<CapturedLog.Line> diameterRestart = log.since(restart);
        assertEquals(1, CapturedLog.count(diameterRestart, NodeReadinessAndLogsTest::diameterDown), show(diameterRestart));
        assertEquals(1, CapturedLog.count(diameterRestart, NodeReadinessAndLogsTest::diameterUp), show(diameterRestart));

        int m3uaRestart = log.mark();
        lab.stopMsc();
        assertEquals("not ready:\nm3ua " + MSC + " down\n", lab.awaitReady(r -> r.statusCode() == 503).body());
        lab.startMsc();
        lab.node().ss7().orElseThrow().active(MSC).get(30, TimeUnit.SECONDS);
        assertEquals("ready\n", lab.awaitReady(r -> r.statusCode() == 200).body());
        List<CapturedLog.Line> associationRestart = log.since(m3uaRestart);
        assertEquals(1, CapturedLog.count(associationRestart, NodeReadinessAndLogsTest::m3uaDown), show(associationRestart));
        assertEquals(1, CapturedLog.count(associationRestart, NodeReadinessAndLogsTest::m3uaUp), show(associationRestart));

        lab.close();
        List<CapturedLog.Line> all = log.all();
        List<CapturedLog.Line> loud = all.stream().filter(l -> l.level().isMoreSpecificThan(Level.WARN) || l.stackTrace()).toList();
        assertEquals(List.of(), loud, "no WARN, ERROR or stack trace over a start, two peer restarts and a stop:\n" + show(all));
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
        assertEquals(0, lab.value("mtcgate_diameter_errors_total{peer=\"" + SCS + "\"}"), "a refusal by policy is no error");
        assertTrue(lab.scrape().contains("mtcgate_diameter_errors_total{peer=\"" + SCS + "\"} 0.0"), "served from the first message");
        assertTrue(lab.value("mtcgate_m3ua_messages_total{association=\"" + MSC + "\",direction=\"in\"}") > 0,
                "ASP management over the association is counted");
        assertEquals(1, lab.value("mtcgate_peer_up{peer=\"" + SCS + "\",protocol=\"diameter\"}"));
        assertEquals(1, lab.value("mtcgate_peer_up{peer=\"" + MSC + "\",protocol=\"m3ua\"}"));
        assertEquals(1, lab.value("mtcgate_tsp_dar_seconds_count"));
    }
}

package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.core.node.OperatedNode.MSC;
import static org.mtcgate.core.node.OperatedNode.SCS;

/**
 * What an operator sees of a node process over a normal start, its Diameter peer and its M3UA peer restarting,
 * and a stop (SIGTERM): /ready turns 503 naming the peer that is down and 200 again when it is back, and the log
 * file has ISO 8601 times, no WARN or ERROR, no stack trace, and one line for each peer going down and one for it
 * coming back.
 */
class NodeReadinessAndLogsTest {
    private static final String ISO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";

    @TempDir
    Path dir;
    OperatedNode lab;

    @BeforeEach
    void start() throws Exception {
        lab = new OperatedNode(dir).startProcess(dir.resolve("stderr.log"));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private List<String> log() throws Exception {
        return Files.readAllLines(lab.logFile());
    }

    private static long count(List<String> lines, Predicate<String> which) {
        return lines.stream().filter(which).count();
    }

    private static boolean info(String line) {
        return line.matches(ISO_TIME + " INFO .*");
    }

    private static boolean diameterDown(String l) {
        return info(l) && l.contains(" " + SCS + " (") && l.contains("): peer down (");
    }

    private static boolean diameterUp(String l) {
        return info(l) && l.contains(" " + SCS + " (") && l.contains("): peer up, open as");
    }

    private static boolean m3uaDown(String l) {
        return info(l) && l.endsWith("M3UA AS operated-" + MSC + "-as down");
    }

    private static boolean m3uaUp(String l) {
        return info(l) && l.endsWith("M3UA AS operated-" + MSC + "-as active");
    }

    @Test
    void peersRestartingTurnReadyOffAndOnWithOneLogLineEachWayAndNoWarnings() throws Exception {
        int restart = log().size();
        lab.stopScs();
        HttpResponse<String> notReady = lab.awaitReady(r -> r.statusCode() == 503);
        assertEquals("not ready:\ndiameter " + SCS + " down\n", notReady.body());
        assertTrue(lab.scrape().contains("mtcgate_ready 0.0"));
        assertTrue(lab.scrape().contains("mtcgate_peer_up{peer=\"" + SCS + "\",protocol=\"diameter\"} 0.0"));
        lab.startScs();
        assertEquals("ready\n", lab.awaitReady(r -> r.statusCode() == 200).body());
        List<String> diameterRestart = log().subList(restart, log().size());
        assertEquals(1, count(diameterRestart, NodeReadinessAndLogsTest::diameterDown), String.join("\n", diameterRestart));
        assertEquals(1, count(diameterRestart, NodeReadinessAndLogsTest::diameterUp), String.join("\n", diameterRestart));

        int m3uaRestart = log().size();
        lab.stopMsc();
        assertEquals("not ready:\nm3ua " + MSC + " down\n", lab.awaitReady(r -> r.statusCode() == 503).body());
        lab.startMsc();
        assertEquals("ready\n", lab.awaitReady(r -> r.statusCode() == 200).body());
        List<String> associationRestart = log().subList(m3uaRestart, log().size());
        assertEquals(1, count(associationRestart, NodeReadinessAndLogsTest::m3uaDown), String.join("\n", associationRestart));
        assertEquals(1, count(associationRestart, NodeReadinessAndLogsTest::m3uaUp), String.join("\n", associationRestart));

        lab.stopProcess();
        List<String> all = log();
        String shown = String.join("\n", all);
        assertTrue(all.stream().anyMatch(l -> l.contains("node operated running roles")), shown);
        List<String> notInfo = all.stream().filter(l -> !l.matches(ISO_TIME + " (INFO|DEBUG) .*")).toList();
        assertEquals(List.of(), notInfo, "every line is one INFO line with an ISO 8601 time: no WARN, ERROR or stack trace "
                + "over a start, two peer restarts and a stop:\n" + shown);
        assertEquals(2, count(all, NodeReadinessAndLogsTest::diameterUp), "at start and after the restart:\n" + shown);
        assertEquals(2, count(all, NodeReadinessAndLogsTest::diameterDown), "at the restart and at the stop:\n" + shown);
    }
}

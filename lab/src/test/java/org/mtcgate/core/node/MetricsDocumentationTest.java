package org.mtcgate.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.RequestStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/metrics.md lists exactly what /metrics serves, and docs/grafana/mtcgate.json queries nothing else. The node
 * runs the MTC-IWF and the SMS-SC with a Diameter peer and an M3UA association and has handled a DAR; a documented
 * name may be missing from its scrape only when its row says it belongs to a role this node does not run
 * (sms-router, bsf) or appears on its first event.
 */
class MetricsDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "mtcgate.json");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\| (counter|gauge|histogram) \\|.*");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
    private static final Pattern METRIC_IN_QUERY = Pattern.compile("\\b((?:mtcgate|jvm|process)_[a-z0-9_]+)\\b");

    @TempDir
    Path dir;
    OperatedNode lab;

    @BeforeEach
    void start() throws Exception {
        lab = new OperatedNode(dir).start();
        lab.node().diameter().orElseThrow().whenPeerOpen(OperatedNode.SCS).get(30, TimeUnit.SECONDS);
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), lab.trigger(1, "491701000002"));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    /** Documented name to its row. */
    private static TreeMap<String, String> documented() throws Exception {
        TreeMap<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertFalse(rows.containsKey(m.group(1)), m.group(1) + " is listed twice");
                rows.put(m.group(1), line);
            }
        }
        return rows;
    }

    @Test
    void everyServedMetricIsDocumentedAndEveryDocumentedOneServed() throws Exception {
        TreeMap<String, String> doc = documented();
        TreeMap<String, String> served = new TreeMap<>();
        for (String line : lab.scrape().split("\n")) {
            Matcher m = TYPE.matcher(line);
            if (m.matches()) {
                served.put(m.group(1), m.group(2));
            }
        }
        List<String> undocumented = new ArrayList<>();
        served.forEach((name, type) -> {
            if (!doc.containsKey(name)) {
                undocumented.add(name + " (" + type + ")");
            } else {
                assertTrue(doc.get(name).contains("| " + type + " |"), name + " is a " + type + ": " + doc.get(name));
            }
        });
        assertEquals(List.of(), undocumented, "served by /metrics but not in " + DOC);
        List<String> notServed = doc.entrySet().stream()
                .filter(e -> !served.containsKey(e.getKey()))
                .filter(e -> !e.getValue().contains("*(sms-router)*") && !e.getValue().contains("*(bsf)*")
                        && !e.getValue().contains("*(on first event)*"))
                .map(e -> e.getKey()).toList();
        assertEquals(List.of(), notServed, "in " + DOC + " but not served by a node that runs these roles");
    }

    @Test
    void theDashboardQueriesOnlyDocumentedMetrics() throws Exception {
        Set<String> doc = documented().keySet();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = METRIC_IN_QUERY.matcher(expr.asText());
            while (m.find()) {
                queried.add(m.group(1));
            }
        }
        for (JsonNode query : dashboard.findValues("query")) {
            Matcher m = METRIC_IN_QUERY.matcher(query.asText());
            while (m.find()) {
                queried.add(m.group(1));
            }
        }
        assertTrue(queried.size() > 20, "the dashboard queries " + queried);
        List<String> unknown = queried.stream().filter(q -> !doc.contains(q)
                && !(q.matches(".*_(bucket|count|sum)") && doc.contains(q.replaceAll("_(bucket|count|sum)$", "")))).toList();
        assertEquals(List.of(), unknown, DASHBOARD + " queries metrics that " + DOC + " does not list");
        List<String> unused = doc.stream().filter(d -> queried.stream().noneMatch(q -> q.startsWith(d))).toList();
        assertEquals(List.of(), unused, "every documented metric is on the dashboard");
    }
}

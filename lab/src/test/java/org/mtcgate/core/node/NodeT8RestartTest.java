package org.mtcgate.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.map.stack.Ss7Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * T8 transactions across a restart of the node (same data-dir): GET, PUT and DELETE still find them, the trigger held
 * over the restart is delivered and its report reaches the SCS/AS's notification server once; and a report that could
 * not be sent before the stop is sent after the start, once.
 */
class NodeT8RestartTest {
    static final String IMSI = T8Lab.IMSI;
    static final long WAIT = NodeLab.WAIT;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    int[] ports;
    Node node;
    Ss7Stack mscStack;
    LabMsc msc;
    HttpsServer notifications;
    final LinkedBlockingQueue<JsonNode> reports = new LinkedBlockingQueue<>();
    HttpClient as1;
    String token;

    @BeforeEach
    void files() throws Exception {
        ports = FreePorts.distinct(3); // the MSC's association, the node's, the notification server's
        T8Lab.writeTriggerNode(dir, "t8-restart", ports);
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(notifications == null ? null : () -> notifications.stop(0), mscStack, node);
    }

    @Test
    void transactionsSurviveARestartAndTheHeldTriggersReportArrivesOnce() throws Exception {
        startNode();
        startNotificationServer();
        String t1 = create();
        String t2 = create();
        restartNode();

        JsonNode read = JSON.readTree(call("GET", t1, null, 200));
        assertEquals("TRIGGERED", read.get("deliveryResult").asText());
        assertEquals(path(t1), URI.create(read.get("self").asText()).getPath());
        JsonNode replaced = JSON.readTree(call("PUT", t2, body("again"), 200));
        assertEquals("REPLACED", replaced.get("deliveryResult").asText());
        call("DELETE", t2, null, 204);
        call("GET", t2, null, 404);
        assertEquals(1, JSON.readTree(call("GET", base() + "/3gpp-device-triggering/v1/as1/transactions", null, 200)).size());

        startMsc();
        JsonNode report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "the report of the trigger held over the restart");
        assertEquals(path(t1), URI.create(report.get("transaction").asText()).getPath());
        assertEquals("SUCCESS", report.get("result").asText());
        String t3 = create();
        assertEquals(path(t3), path(reportOf()));
        assertNull(reports.poll(0, TimeUnit.SECONDS), "no report twice");
        assertEquals(2, msc.deliveredTo(IMSI).size(), "t1 and t3; t2 was recalled");
        assertEquals("SUCCESS", JSON.readTree(call("GET", t1, null, 200)).get("deliveryResult").asText());
    }

    @Test
    void aReportPendingAtTheStopIsSentAfterTheStartOnce() throws Exception {
        startNode();
        startMsc();
        String t1 = create();
        eventually(() -> counter("notification-retry") >= 1, "the report failed while the notification server is down");
        // The MSC stays up, as in a network, and its association comes back to the restarted node. Closing it as
        // well would race the node's close: when both ends close at once the MSC's end keeps the connection's
        // addresses in TIME_WAIT, and a new MSC on the same port cannot connect for a minute.
        node.close();
        node = null;

        startNotificationServer();
        startNode();
        assertEquals(path(t1), path(reportOf()), "sent after the start");
        assertEquals(1, counter("notification-resumed"));
        JsonNode read = JSON.readTree(call("GET", t1, null, 200));
        assertEquals("SUCCESS", read.get("deliveryResult").asText());
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
        String t2 = create();
        assertEquals(path(t2), path(reportOf()));
        eventually(() -> counter("notification-sent") == 2, "both reports counted as sent");
        assertNull(reports.poll(0, TimeUnit.SECONDS), "no report twice");
        assertEquals(0, counter("notification-failed"));
    }

    String reportOf() throws Exception {
        JsonNode report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "a delivery report");
        assertEquals("SUCCESS", report.get("result").asText());
        return report.get("transaction").asText();
    }

    static String path(String uri) {
        return URI.create(uri).getPath();
    }

    void restartNode() throws Exception {
        node.close();
        node = null;
        startNode();
    }

    void startNode() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        as1 = T8Lab.as1(dir.resolve("pki"));
        // A token key made at each start: the one from before the restart is no longer valid.
        token = T8Lab.token(as1, base());
    }

    String base() {
        return "https://localhost:" + node.t8Address().orElseThrow().getPort();
    }

    String body(String payload) {
        return """
                {"externalId": "meter-1@meters.test", "validityPeriod": 300, "priority": "PRIORITY", "applicationPortId": 9200,
                 "triggerPayload": "%s", "notificationDestination": "https://localhost:%d/reports"}
                """.formatted(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.US_ASCII)), ports[2]);
    }

    /** Creates a transaction; returns its self URI. */
    String create() throws Exception {
        return JSON.readTree(call("POST", base() + "/3gpp-device-triggering/v1/as1/transactions",
                body("wake-" + System.nanoTime()), 201)).get("self").asText();
    }

    /** {@code uri} on the node as it runs now (a self link names the port of the node that made it). */
    String call(String method, String uri, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path(uri)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = as1.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + uri + ": " + r.body());
        return r.body();
    }

    long counter(String name) {
        List<String> lines = new ArrayList<>();
        node.stats(lines::add);
        for (String line : lines) {
            if (line.startsWith("T8: ")) {
                for (String part : line.substring(4).split(", ")) {
                    String[] kv = part.split("=");
                    if (kv.length == 2 && kv[0].equals(name)) {
                        return Long.parseLong(kv[1]);
                    }
                }
            }
        }
        return 0;
    }

    void startMsc() throws Exception {
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        msc = started.lab();
    }

    /** The SCS/AS's notification server on its fixed port, so that reports made before a restart still reach it. */
    void startNotificationServer() throws Exception {
        notifications = T8Lab.notificationServer(dir.resolve("pki"), ports[2], report -> reports.add(JSON.readTree(report)));
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + WAIT + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}

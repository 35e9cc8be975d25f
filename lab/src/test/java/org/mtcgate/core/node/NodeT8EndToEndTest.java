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
import org.mtcgate.map.tpdu.SmsDeliver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node from its config file with the scef role: an SCS/AS gets a token and triggers a UE over T8 (mutual TLS,
 * OAuth); the MTC-IWF filters it as a T8 sender, the node's SMS-SC delivers the trigger SM to the MSC with MAP, and
 * the delivery report comes back to the SCS/AS's notification destination.
 */
class NodeT8EndToEndTest {
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
    final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void files() throws Exception {
        ports = FreePorts.distinct(2);
        T8Lab.writeTriggerNode(dir, "e2e-t8", ports);
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(notifications == null ? null : () -> notifications.stop(0), mscStack, node);
    }

    @Test
    void aT8TriggerReachesTheMscAndItsReportTheNotificationDestination() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        startMsc();
        Path pki = dir.resolve("pki");
        notifications = T8Lab.notificationServer(pki, 0,
                report -> reports.add(new String(report, StandardCharsets.UTF_8)));

        HttpClient as1 = T8Lab.as1(pki);
        String base = "https://localhost:" + node.t8Address().orElseThrow().getPort();
        String token = T8Lab.token(as1, base);

        String body = """
                {"externalId": "meter-1@meters.test", "validityPeriod": 300, "priority": "PRIORITY", "applicationPortId": 9200,
                 "triggerPayload": "%s", "notificationDestination": "https://localhost:%d/reports"}
                """.formatted(Base64.getEncoder().encodeToString("wake".getBytes(StandardCharsets.US_ASCII)),
                notifications.getAddress().getPort());
        HttpResponse<String> created = as1.send(HttpRequest.newBuilder(URI.create(base + "/3gpp-device-triggering/v1/as1/transactions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String self = JSON.readTree(created.body()).get("self").asText();

        String report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "the delivery report reached the notification destination");
        JsonNode n = JSON.readTree(report);
        assertEquals(self, n.get("transaction").asText());
        assertEquals("SUCCESS", n.get("result").asText());

        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(1, got.size());
        SmsDeliver sm = got.get(0);
        assertEquals(0x48, sm.protocolIdentifier());
        assertEquals(9200, sm.userData().header().applicationPort().orElseThrow().destinationPort());
        assertArrayEquals("wake".getBytes(StandardCharsets.US_ASCII), sm.userData().body());
    }

    @Test
    void missingT8FilesStopTheStartNamingThem() throws Exception {
        Path config = dir.resolve("mtcgate.yaml");
        Files.writeString(config, Files.readString(config).replace("pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt, generate-lab-pki: true",
                "pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt"));
        NodeException e = assertThrows(NodeException.class,
                () -> Node.start(NodeConfigFile.load(config), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("t8.tls: ") && e.getMessage().contains("localhost.crt"),
                e.getMessage());
    }

    void startMsc() throws Exception {
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        msc = started.lab();
    }
}

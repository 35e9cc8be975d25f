package org.mtcgate.core.node;

import org.apache.sshd.client.SshClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.ConsoleClient;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operating the node: log in to its SSH console and run every command, watch a trace while an SCS triggers,
 * change the policy from the console, scrape the metrics, and read the audit.
 */
class NodeOperationsTest {
    @TempDir
    Path dir;
    Node node;
    SshClient ssh;
    ScsClient scs;
    int[] ports;

    @BeforeEach
    void start() throws Exception {
        ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n");
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  fleet: {msisdn-files: [fleet.msisdn]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [fleet]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), NodeLab.TWO_FLEET_SUBSCRIBERS);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("ops", "mtc-iwf, sms-sc")
                + NodeLab.insecureDiameter("[{host: scs1.utility.test}]") + NodeLab.ss7ForMsc(ports) + """
                %s
                metrics: {listen: 127.0.0.1:0}
                """.formatted(NodeLab.console()));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        ssh = NodeLab.consoleClient();
        scs = NodeLab.connectInsecureScs(node);
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, ssh == null ? null : ssh::stop, node);
    }

    long trigger(long ref, String msisdn) throws Exception {
        return scs.send(new DeviceActionRequest("scs1.utility.test", null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(Msisdn.of(msisdn)), "x".getBytes(StandardCharsets.US_ASCII), -1, false, Duration.ofMinutes(5)))
                .get(20, TimeUnit.SECONDS).requestStatus();
    }

    @Test
    void everyConsoleCommandWorksAndIsAudited() throws Exception {
        try (ConsoleClient c = ConsoleClient.withPassword(ssh, node.consolePort().orElseThrow(), "olga", "op-secret-1")) {
            c.awaitPrompt();
            String peers = c.run("show peers");
            assertTrue(peers.contains("scs1.utility.test") && peers.contains("OPEN"), peers);
            assertTrue(peers.contains("server on 127.0.0.1:" + ports[0]) && peers.contains("down"), peers);

            assertTrue(c.run("show policy").contains("scs1 on [TSP]: trigger->[fleet]"));
            String explain = c.run("explain tsp scs1.utility.test msisdn=491701000002");
            assertTrue(explain.contains("scs1/ue-not-granted"), explain);

            // Trace the UE, trigger it (refused: not in the group), then add it from the console and trigger again.
            assertTrue(c.run("trace on 491701000002").contains("tracing 491701000002"));
            assertEquals(RequestStatus.NOTAUTHORIZED.code(), trigger(1, "491701000002"));
            String traced = c.awaitSinceMark(s -> s.contains("[trace 491701000002]") && s.contains("NOTAUTHORIZED"));
            assertTrue(traced.contains("scs1/ue-not-granted"), traced);
            String added = c.run("policy add fleet 491701000002");
            assertTrue(added.contains("added 491701000002 to fleet; in force now"), added);
            assertEquals(RequestStatus.SUCCESS.code(), trigger(2, "491701000002"));
            c.awaitSinceMark(s -> s.contains("ALLOW by scs1/grant[0]"));
            // trace lines of the trigger's later state changes may still arrive (printed above the prompt)
            c.send("trace off\r");
            c.awaitSinceMark(s -> s.contains("trace stopped") && s.endsWith("mtcgate> "));
            String unsaved = c.run("show policy");
            assertTrue(unsaved.contains("not saved"), unsaved);
            assertEquals(List.of("491701000001"), Files.readAllLines(dir.resolve("fleet.msisdn")), "not written yet");
            assertTrue(c.run("write config").contains("wrote " + dir.resolve("fleet.msisdn")));
            assertEquals(List.of("491701000001", "491701000002"), Files.readAllLines(dir.resolve("fleet.msisdn")));

            String triggers = c.run("show triggers 2");
            assertTrue(triggers.contains("MTC-IWF  trigger scs1.utility.test#2"), triggers);
            assertTrue(triggers.contains("26201**********"), "IMSIs masked: " + triggers);
            String stats = c.run("show stats");
            assertTrue(stats.contains("TSP BLOCK scs1/ue-not-granted") && stats.contains("TSP ALLOW scs1/grant[0]"), stats);
            assertTrue(stats.contains("SMS-SC: ") && stats.contains("waiting for the window)"), stats);

            assertTrue(c.run("policy remove fleet 491701000009").contains("is not in fleet; nothing changed"));
            assertTrue(c.run("policy add nogroup 491701000009").contains("there is no group 'nogroup'"));
            assertTrue(c.run("policy reload").contains("policy reloaded from disk"));
            assertTrue(c.run("shwo peers").contains("did you mean 'show peers'"));
        }

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.metricsPort().orElseThrow() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("mtcgate_verdicts_total{decision=\"block\",ingress=\"tsp\",rule=\"scs1/ue-not-granted\"} 1.0"), scrape.body());
        assertTrue(scrape.body().contains("mtcgate_tsp_dar_seconds_count"), scrape.body());
        assertTrue(scrape.body().contains("mtcgate_peer_up{peer=\"scs1.utility.test\",protocol=\"diameter\"} 1.0"), scrape.body());

        node.close();
        List<String> audit = Files.readAllLines(dir.resolve("data/audit/audit.jsonl"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"rule\":\"scs1/ue-not-granted\"")), String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"user\":\"olga\"") && l.contains("policy add fleet 491701000002")),
                String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"user\":\"olga\"") && l.contains("write config")));
        assertFalse(audit.stream().anyMatch(l -> l.contains("262015500000001")), "no IMSI in full in the audit");
    }

    @Test
    void runningConfigConflictingWritesAndStrayWordsOnTheConsole() throws Exception {
        try (ConsoleClient c = ConsoleClient.withPassword(ssh, node.consolePort().orElseThrow(), "olga", "op-secret-1")) {
            c.awaitPrompt();
            String running = c.run("show running-config");
            assertTrue(running.contains("! node config " + dir.resolve("mtcgate.yaml") + ", as read at start")
                    && running.contains("node: {name: ops, data-dir: data}") && running.contains("password-hash: <hidden>")
                    && running.contains("! no unsaved console changes"), running);
            assertFalse(running.contains("pbkdf2"), "no password hash: " + running);

            assertTrue(c.run("policy add fleet 491701000002").contains("in force now"));
            running = c.run("show running-config");
            assertTrue(running.contains("! unsaved console changes (write config saves them): fleet.msisdn"), running);

            Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n491701000055\n"); // a hand edit meanwhile
            String refused = c.run("write config");
            assertTrue(refused.contains("nothing written: " + dir.resolve("fleet.msisdn") + " has changed on disk")
                    && refused.contains("policy reload"), refused);
            assertEquals(List.of("491701000001", "491701000055"), Files.readAllLines(dir.resolve("fleet.msisdn")),
                    "the hand edit is kept");

            assertTrue(c.run("show peers now").contains("'show peers' takes no arguments; 'now' is not understood"));
            assertTrue(c.run("show version").matches("(?s).*mtcgate \\S+ \\(commit ([0-9a-f]{7,40}|unknown)\\).*"));
        }
        node.close();
        List<String> audit = Files.readAllLines(dir.resolve("data/audit/audit.jsonl"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"user\":\"olga\"") && l.contains("write config")
                && l.contains("nothing written")), String.join("\n", audit));
    }
}

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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console over SSH on a node whose MSC never connects, so triggers stay held: {@code show triggers held} shows
 * each with its failed attempts, last error and next retry; {@code | include} and {@code | exclude} filter it.
 */
class NodeConsoleHeldTriggersTest {
    @TempDir
    Path dir;
    Node node;
    SshClient ssh;
    ScsClient scs;

    @BeforeEach
    void start() throws Exception {
        int[] ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  fleet: {msisdn-prefixes: ["4917010"]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [fleet]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), NodeLab.TWO_FLEET_SUBSCRIBERS);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("held", "mtc-iwf, sms-sc")
                + NodeLab.insecureDiameter("[{host: scs1.utility.test}]") + NodeLab.ss7ForMsc(ports) + """
                sms-sc: {trigger-originator: "491720000999", retry-first: 1h, retry-max: 1h}
                %s
                """.formatted(NodeLab.console()));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        ssh = NodeLab.consoleClient();
        scs = NodeLab.connectInsecureScs(node);
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, ssh == null ? null : ssh::stop, node);
    }

    void trigger(long ref, String msisdn) throws Exception {
        assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest("scs1.utility.test", null,
                ActionType.DEVICE_TRIGGER_REQUEST, ref, null, UeName.of(Msisdn.of(msisdn)), "x".getBytes(StandardCharsets.US_ASCII),
                -1, false, Duration.ofMinutes(5))).get(20, TimeUnit.SECONDS).requestStatus());
    }

    @Test
    void heldTriggersWithAttemptsLastErrorAndNextRetryFilteredByInclude() throws Exception {
        try (ConsoleClient c = ConsoleClient.withPassword(ssh, node.consolePort().orElseThrow(), "olga", "op-secret-1")) {
            c.awaitPrompt();
            assertTrue(c.run("show triggers held").contains("no trigger or SM is held"));
            trigger(41, "491701000001");
            trigger(42, "491701000002");
            // The first attempt fails at once (no MSC association); with retry-first 1h the SMs then wait.
            String held = c.run("show triggers held");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(held, "attempts failed 1") < 2 && System.nanoTime() < deadline) {
                held = c.run("show triggers held");
            }
            assertEquals(2, count(held, "MTC-IWF  trigger scs1.utility.test#"), held);
            assertEquals(2, count(held, "attempts failed 1, last error "), held);
            assertTrue(held.contains("next retry ") && held.contains("(in "), held);
            assertTrue(held.contains("26201**********") && !held.contains("262015500000001"), "IMSIs masked: " + held);

            String one = c.run("show triggers held | include #42");
            assertTrue(one.contains("scs1.utility.test#42") && !one.contains("#41"), one);
            String smsc = c.run("show triggers held | include sms-sc | exclude #41");
            assertEquals(1, count(smsc, "SMS-SC"), smsc);
            assertFalse(smsc.contains("MTC-IWF"), smsc);
            assertTrue(c.run("show stats | include SMS-SC:").contains("2 held now"));
            assertTrue(c.run("show stats | grep x").contains("'| grep' is not a filter"));
        }
    }

    static int count(String text, String what) {
        return (int) Arrays.stream(text.split("\n")).filter(l -> l.contains(what)).count();
    }
}

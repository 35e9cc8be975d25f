package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.smpp.NodeSme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node from its config file with a tsms section: an SME (the npm smpp package) binds with the password whose
 * hash is configured, submits a trigger SM it is trusted for and one it is not; the node's SMS-SC delivers the first
 * with MAP MT-ForwardSM to an MSC stack and the SME gets its receipt; the second is refused and audited.
 */
class NodeTsmsTest {
    static final String IMSI = "262015500000001";

    @TempDir
    Path dir;
    int[] ports;
    Node node;
    Ss7Stack mscStack;
    LabMsc msc;

    @BeforeEach
    void files() throws Exception {
        NodeSme.requireAvailable();
        ports = FreePorts.distinct(3);
        String hash = PasswordHash.of("sme-pw".toCharArray(), 1000, new SecureRandom()).encoded();
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  trackers: {msisdn-prefixes: ["4917020"]}
                senders:
                  - {id: tracker-sme, ingress: [tsms], identities: [tracker], grants: [{kinds: [trigger], to: [trackers]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491702000001", serving-nodes: ["491720000200"]}
                  - {imsi: "262015500000002", msisdn: "491709000002", serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("tsms", "sms-sc") + NodeLab.ss7ForMsc(ports)
                + NodeLab.FAST_SMS_SC + """
                tsms:
                  listen: 127.0.0.1:%d
                  smes:
                    - system-id: tracker
                      password-hash: "%s"
                      allowed-addresses: ["127.0.0.1"]
                      bind-types: [transceiver]
                      submits-per-second: 10
                      addresses: ["4930123456"]
                """.formatted(ports[2], hash));
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(mscStack, node);
    }

    @Test
    void anSmeSubmitsOverSmppAndTheNodesSmsScDeliversAndReceipts() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        msc = started.lab();

        String trusted = "{\"source\":\"4930123456\",\"destination\":\"491702000001\",\"pid\":72,\"hex\":\"77616b65\","
                + "\"registeredDelivery\":1}";
        String untrusted = "{\"source\":\"4930123456\",\"destination\":\"491709000002\",\"pid\":72,\"hex\":\"77616b65\"}";
        List<NodeSme.Event> events = NodeSme.run("{\"host\":\"127.0.0.1\",\"port\":" + ports[2]
                + ",\"systemId\":\"tracker\",\"password\":\"sme-pw\",\"receipts\":1,\"submits\":[" + trusted + "," + untrusted + "]}");
        assertEquals(0, NodeSme.first(events, "bind").status());
        List<NodeSme.Event> resps = NodeSme.all(events, "submit_sm");
        assertEquals(0, resps.get(0).status(), events.toString());
        assertEquals(0x66, resps.get(1).status(), "ESME_RX_R_APPN: the SME is not trusted for that UE");
        NodeSme.Event receipt = NodeSme.first(events, "deliver_sm");
        assertTrue(receipt.get("text").startsWith("id:" + resps.get(0).get("messageId") + " "));
        assertTrue(receipt.get("text").contains("stat:DELIVRD"));

        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(1, got.size());
        assertEquals(0x48, got.get(0).protocolIdentifier());
        assertArrayEquals("wake".getBytes(java.nio.charset.StandardCharsets.US_ASCII), got.get(0).userData().body());
        assertTrue(msc.deliveredTo("262015500000002").isEmpty());

        List<String> stats = new ArrayList<>();
        node.stats(stats::add);
        assertTrue(stats.stream().anyMatch(l -> l.startsWith("Tsms: 2 submits, 1 accepted, 1 blocked")), stats.toString());
        assertTrue(node.observer().verdictCounts().keySet().stream().anyMatch(k -> k.startsWith("TSMS BLOCK")),
                node.observer().verdictCounts().toString());
    }

    @Test
    void textFromAnSmeReachesTheHandsetAsGsm7BitInOneOrMoreSegments() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        String latin1 = java.util.HexFormat.of().formatHex("Grüße {1}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String longText = "The quick brown fox jumps over the lazy dog. ".repeat(4); // 180 characters: two segments
        String gsm7 = java.util.HexFormat.of().formatHex(longText.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<NodeSme.Event> events = NodeSme.run("{\"host\":\"127.0.0.1\",\"port\":" + ports[2]
                + ",\"systemId\":\"tracker\",\"password\":\"sme-pw\",\"receipts\":2,\"submits\":["
                + "{\"source\":\"4930123456\",\"destination\":\"491702000001\",\"dcs\":3,\"hex\":\"" + latin1
                + "\",\"registeredDelivery\":1},"
                + "{\"source\":\"4930123456\",\"destination\":\"491702000001\",\"dcs\":0,\"hex\":\"" + gsm7
                + "\",\"registeredDelivery\":1}]}");
        List<NodeSme.Event> resps = NodeSme.all(events, "submit_sm");
        assertEquals(0, resps.get(0).status(), events.toString());
        assertEquals(0, resps.get(1).status(), events.toString());
        assertEquals(2, NodeSme.all(events, "deliver_sm").size(), "both receipts: " + events);

        List<SmsDeliver> got = started.lab().deliveredTo(IMSI);
        assertEquals(3, got.size(), "one SM, then two segments");
        for (SmsDeliver d : got) {
            assertEquals(org.mtcgate.map.tpdu.CharacterSet.GSM_7BIT, d.userData().characterSet());
            assertEquals(0x00, d.dataCodingScheme());
        }
        assertEquals("Grüße {1}", got.get(0).userData().text());
        assertEquals(longText, got.get(1).userData().text() + got.get(2).userData().text());
    }

    @Test
    void aReceiptAskedForBeforeARestartIsSentAfterIt() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        // No MSC yet: the SM is held, and so is the receipt it owes.
        String submit = "{\"source\":\"4930123456\",\"destination\":\"491702000001\",\"pid\":72,\"hex\":\"77616b65\","
                + "\"registeredDelivery\":1}";
        String sme = "{\"host\":\"127.0.0.1\",\"port\":" + ports[2] + ",\"systemId\":\"tracker\",\"password\":\"sme-pw\"";
        List<NodeSme.Event> before = NodeSme.run(sme + ",\"submits\":[" + submit + "]}");
        NodeSme.Event resp = NodeSme.first(before, "submit_sm");
        assertEquals(0, resp.status(), before.toString());
        node.close();

        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        NodeSme.Running receiver = NodeSme.start(sme + ",\"receipts\":1,\"timeoutMs\":30000}");
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        List<NodeSme.Event> after = receiver.finish();
        NodeSme.Event receipt = NodeSme.first(after, "deliver_sm");
        assertTrue(receipt.get("text").startsWith("id:" + resp.get("messageId") + " "), after.toString());
        assertTrue(receipt.get("text").contains("stat:DELIVRD"), receipt.get("text"));
        assertEquals(1, started.lab().deliveredTo(IMSI).size(), "delivered once, after the restart");

        List<String> stats = new ArrayList<>();
        node.stats(stats::add);
        assertTrue(stats.contains("Tsms receipts owed: 0 for SMs not yet ended, 0 due and waiting for a receiver bind"),
                stats.toString());
    }
}

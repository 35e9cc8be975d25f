package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
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
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab TLS key log: tshark captures Tsp over TLS on loopback while an SCS sends a DAR, and with the node's key log
 * it decrypts the capture and reads the DAR and the DAA by name. Without the key log it reads nothing but TLS.
 */
class NodeTlsKeyLogTest {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";

    @TempDir
    Path dir;
    Node node;
    ScsClient scs;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, node);
    }

    @Test
    void aTspCaptureOnLoopbackIsDecryptedWithTheNodesKeyLog() throws Exception {
        int[] ports = FreePorts.distinct(3);
        int tsp = ports[2];
        Files.writeString(dir.resolve("policy.yaml"), NodeLab.METERS_POLICY);
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: keys, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  lab-tls-key-log: tls-keys.log
                  peers: [{host: scs1.utility.test}]
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                """.formatted(tsp, ports[0], ports[1]));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        Path keyLog = dir.resolve("tls-keys.log");
        List<String> peers = new java.util.ArrayList<>();
        node.peers(peers::add);
        assertTrue(peers.get(0).startsWith("WARNING: LAB TLS KEY LOG ON") && peers.get(0).contains(keyLog.toString()),
                "show peers says it: " + peers);

        Path pcap = dir.resolve("tsp-tls.pcapng");
        String decoded;
        String summary;
        // Live, tshark reads the key log as it grows and may meet the first record before its secret: wait for the
        // DAR and DAA only; the decode of the whole file afterwards must show every message.
        try (TsharkDiameterCapture capture = TsharkDiameterCapture.startTls(pcap, keyLog, 2, tsp)) {
            scs = NodeLab.connectScs(dir, node, report -> { });
            assertEquals(RequestStatus.INVEXTID.code(), scs.send(new DeviceActionRequest(SCS, null,
                    ActionType.DEVICE_TRIGGER_REQUEST, 77, null, UeName.of(ExternalId.of("meter-404@meters.test")),
                    "x".getBytes(StandardCharsets.US_ASCII), 9200, false, Duration.ofMinutes(5)))
                    .get(20, java.util.concurrent.TimeUnit.SECONDS).requestStatus());
            capture.awaitExchanges();
            decoded = capture.decode();
        }
        String keys = Files.readString(keyLog);
        assertTrue(keys.contains("CLIENT_TRAFFIC_SECRET_0 ") && keys.contains("SERVER_HANDSHAKE_TRAFFIC_SECRET "),
                "TLS 1.3 secrets in the NSS key log format: " + keys.lines().map(l -> l.split(" ")[0])
                        .collect(Collectors.toList()));
        assertTrue(decoded.contains("Transport Layer Security"), "the capture is TLS on the wire");
        String diameter = TsharkDiameterCapture.excerpt(decoded);
        assertTrue(diameter.contains("Command Code: Capabilities-Exchange (257)"), "the CER/CEA, decrypted: " + diameter);
        assertTrue(diameter.contains("Command Code: 3GPP-Device-Action (8388639)"), "the DAR, decrypted: " + diameter);
        assertTrue(diameter.contains("Reference-Number: 77") && diameter.contains("External-Identifier: meter-404@meters.test"),
                diameter);
        assertTrue(diameter.contains("Request-Status: ") && diameter.contains("Session-Id: " + SCS + ";"), diameter);
        assertFalse(Files.readString(keyLog).isBlank());
    }
}

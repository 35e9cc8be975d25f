package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.tpdu.SmsDeliver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.mtcgate.core.node.NodeLab.IMSI;
import static org.mtcgate.core.node.NodeLab.MTC_IWF;
import static org.mtcgate.core.node.NodeLab.SCS;
import static org.mtcgate.core.node.NodeLab.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node from its config file: an SCS over mutual TLS triggers a UE; the MTC-IWF filters and resolves it, the
 * node's SMS-SC delivers the trigger SM with MAP MT-ForwardSM to an MSC stack, and the SCS gets the DNR.
 */
class NodeEndToEndTest {
    @TempDir
    Path dir;
    int[] ports;
    Node node;
    Ss7Stack mscStack;
    LabMsc msc;
    ScsClient scs;
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void files() throws Exception {
        ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("policy.yaml"), NodeLab.METERS_POLICY);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"]}
                  - {imsi: "262015500000002", msisdn: "491701000002", external-ids: [meter-2@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("e2e", "mtc-iwf, sms-sc")
                + NodeLab.tlsDiameter("[{host: scs1.utility.test}]") + NodeLab.ss7ForMsc(ports) + NodeLab.FAST_SMS_SC);
    }

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, mscStack, node);
    }

    void startNode() throws Exception {
        NodeConfig config = NodeConfigFile.load(dir.resolve("mtcgate.yaml"));
        node = Node.start(config, Clock.systemUTC());
    }

    void startMsc() throws Exception {
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        msc = started.lab();
    }

    void connectScs() throws Exception {
        scs = NodeLab.connectScs(dir, node, reports::add);
    }

    DeviceActionAnswer trigger(long ref, String extId, String payload) throws Exception {
        return scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(ExternalId.of(extId)), payload.getBytes(StandardCharsets.US_ASCII), 9200, false,
                Duration.ofMinutes(5))).get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void aTriggerReachesTheMscAsATriggerSmAndTheScsHearsSuccess() throws Exception {
        startNode();
        startMsc();
        connectScs();
        assertTrue(Files.exists(dir.resolve("pki/ca.crt")), "the lab PKI was made on first start");

        DeviceActionAnswer daa = trigger(1, "meter-1@meters.test", "wake");
        assertEquals(RequestStatus.SUCCESS.code(), daa.requestStatus());
        ScsClient.DeliveryReport report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report);
        assertEquals(DeliveryOutcome.SUCCESS, report.outcome());

        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(1, got.size());
        SmsDeliver sm = got.get(0);
        assertEquals(0x48, sm.protocolIdentifier());
        assertEquals(0x04, sm.dataCodingScheme());
        assertEquals("491720000999", sm.originatingAddress().value());
        assertEquals(9200, sm.userData().header().applicationPort().orElseThrow().destinationPort());
        assertArrayEquals("wake".getBytes(StandardCharsets.US_ASCII), sm.userData().body());
    }

    @Test
    void anAbsentUeGetsTheTriggerOnceWhenItComesBackAcrossARestart() throws Exception {
        startNode();
        startMsc();
        msc.absent.add("262015500000002");
        connectScs();
        assertEquals(RequestStatus.SUCCESS.code(), trigger(2, "meter-2@meters.test", "later").requestStatus());
        assertNotNull(msc.absentAnswers.poll(WAIT, TimeUnit.SECONDS), "the SMS-SC tried and found the UE absent");

        // Stop the node while the trigger waits, then start it again from the same data directory. The MSC stays
        // up, as a real one would, and its M3UA association reconnects to the restarted node.
        scs.close();
        scs = null;
        node.close();
        msc.absent.clear();
        startNode();
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
        connectScs();

        ScsClient.DeliveryReport report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "the DNR came after the restart");
        assertEquals(2, report.referenceNumber());
        assertEquals(DeliveryOutcome.SUCCESS, report.outcome());
        assertEquals(1, msc.deliveredTo("262015500000002").size(), "delivered exactly once");
        assertNull(reports.poll(300, TimeUnit.MILLISECONDS), "and reported once");
    }

    @Test
    void unknownExternalIdAndUnauthorisedUeAreRefusedOnTsp() throws Exception {
        startNode();
        connectScs();
        assertEquals(RequestStatus.INVEXTID.code(), trigger(3, "meter-404@meters.test", "x").requestStatus());
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), trigger(4, "meter-1@other.test", "x").requestStatus());
    }

    @Test
    void aTriggerRefusedAfterTheFilterIsAuditedAndCountedAsRefused() throws Exception {
        startNode();
        connectScs();
        assertEquals(RequestStatus.INVEXTID.code(), trigger(7, "meter-404@meters.test", "x").requestStatus());
        assertEquals(java.util.Map.of("TSP REFUSED INVEXTID", 1L), node.observer().verdictCounts(),
                "show stats counts no allowed trigger");
        scs.close();
        scs = null;
        node.close();
        node = null;
        List<String> verdicts = Files.readAllLines(dir.resolve("data/audit/audit.jsonl")).stream()
                .filter(l -> l.contains("\"event\":\"verdict\"")).toList();
        assertEquals(1, verdicts.size(), String.join("\n", verdicts));
        String line = verdicts.get(0);
        assertTrue(line.contains("\"decision\":\"refused\"") && line.contains("\"request_status\":\"INVEXTID\"")
                && line.contains("\"request_status_code\":" + RequestStatus.INVEXTID.code())
                && line.contains("\"reference\":7") && line.contains("\"rule\":\"scs1/grant[0]\""), line);
        assertTrue(line.contains("meter-404@meters.test"), line);
    }
}

package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.Concatenation;
import org.mtcgate.map.tpdu.SmsDeliver;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's SMS-SC over MAP against jSS7 peers: one peer stack stands for the serving MSC, the serving SGSN (told
 * apart by called GT and SSN) and the home HLR. An SCS triggers over Tsp; the SMS-SC tries the serving nodes in the
 * order the subscriber store names them, tells the HLR when the UE is absent everywhere and delivers at once on the
 * HLR's alert, and carries a long payload as a concatenated SM that the MSC reassembles.
 */
class SmsScDeliveryPathsTest {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String SC = "491720000100";
    static final String MSC = "491720000200";
    static final String SGSN = "491720000300";
    static final String HLR = "491720000400";
    static final String IMSI_1 = "262015500000001";
    static final String IMSI_2 = "262015500000002";
    static final long WAIT = 20;

    @TempDir
    Path dir;
    Node node;
    Ss7Stack peers;
    MscPeer serving;
    HlrPeer hlr;
    ScsClient scs;
    MapV2OnlyPeer v2;
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, peers, node);
    }

    /** The node with retries an hour apart unless said otherwise: a second attempt then comes only from an alert. */
    void start(String retryFirst) throws Exception {
        start(retryFirst, false);
    }

    void start(String retryFirst, boolean v2Only) throws Exception {
        int[] p = FreePorts.distinct(2);
        Files.writeString(dir.resolve("policy.yaml"), NodeLab.METERS_POLICY);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "%s", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["%s", "sgsn:%s"]}
                  - {imsi: "%s", msisdn: "491701000002", external-ids: [meter-2@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["%s"]}
                """.formatted(IMSI_1, MSC, SGSN, IMSI_2, MSC));
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("paths", "mtc-iwf, sms-sc")
                + NodeLab.tlsDiameter("[{host: scs1.utility.test}]") + """
                ss7:
                  local-gt: "%s"
                  point-code: 1
                  invoke-timeout: 2s
                  peers:
                    - {name: core, role: server, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 2,
                       ssns: [8, 149, 6], global-titles: ["4917200002", "4917200003", "4917200004"], zone: home}
                sms-sc: {trigger-originator: "491720000999", addresses: ["%s"], hlr: "%s",
                         retry-first: %s, retry-max: 1h}
                """.formatted(SC, p[0], p[1], SC, HLR, retryFirst));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        peers = Ss7Stack.assemble(Ss7StackConfig.builder().name("core").dataDir(dir.resolve("peers"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_SGSN, Ss7StackConfig.SSN_HLR)
                .remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR).build());
        serving = new MscPeer(peers);
        if (v2Only) {
            v2 = MapV2OnlyPeer.install(peers);
            v2.addListener(serving);
        }
        hlr = new HlrPeer(peers);
        peers.connect();
        peers.active().get(WAIT, TimeUnit.SECONDS);
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
        scs = NodeLab.connectScs(dir, node, reports::add);
    }

    void trigger(long ref, String extId, byte[] payload) throws Exception {
        assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST,
                ref, null, UeName.of(ExternalId.of(extId)), payload, 9200, false, Duration.ofMinutes(5)))
                .get(WAIT, TimeUnit.SECONDS).requestStatus());
    }

    ScsClient.DeliveryReport report() throws InterruptedException {
        ScsClient.DeliveryReport r = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(r, "a delivery report");
        return r;
    }

    @Test
    void theSgsnGetsTheTriggerWhenTheMscFindsTheUeAbsent() throws Exception {
        start("1h");
        serving.absent(IMSI_1, MSC);
        trigger(1, "meter-1@meters.test", new byte[] {1, 2, 3});
        ScsClient.DeliveryReport r = report();
        assertEquals(DeliveryOutcome.SUCCESS, r.outcome());
        assertEquals(List.of(MSC, SGSN), serving.attemptsFor(IMSI_1), "the MSC first, then the SGSN, in one attempt");
        assertEquals(1, serving.deliveredTo(IMSI_1).size());
        assertTrue(hlr.reports().isEmpty(), "delivered: no message waiting");
    }

    @Test
    void absentEverywhereSetsMessageWaitingAndTheHlrsAlertDeliversAtOnce() throws Exception {
        start("1h");
        serving.absent(IMSI_1, MSC).absent(IMSI_1, SGSN);
        trigger(2, "meter-1@meters.test", new byte[] {4, 5});
        HlrPeer.Report mwd = hlr.nextReport(WAIT, TimeUnit.SECONDS);
        assertNotNull(mwd, "the HLR was told with ReportSM-DeliveryStatus");
        assertEquals("491701000001", mwd.msisdn());
        assertEquals(SC, mwd.serviceCentre());
        assertEquals(SMDeliveryOutcome.absentSubscriber, mwd.outcome());
        assertEquals(List.of(MSC, SGSN), serving.attemptsFor(IMSI_1));
        assertNull(reports.poll(200, TimeUnit.MILLISECONDS), "still waiting: no report yet");

        // The UE attaches to the SGSN again; the HLR alerts the SMS-SC, which delivers at once (retries are 1 h apart).
        serving.present(IMSI_1, SGSN);
        MapOutcome<Boolean> alerted = hlr.alertServiceCentre("491701000001", SC).get(WAIT, TimeUnit.SECONDS);
        assertEquals(MapOutcome.Kind.RESULT, alerted.kind(), alerted.describe());
        assertEquals(DeliveryOutcome.SUCCESS, report().outcome());
        assertEquals(1, serving.deliveredTo(IMSI_1).size());
        assertEquals(List.of(MSC, SGSN, MSC, SGSN), serving.attemptsFor(IMSI_1), "the second attempt tried the MSC first again");
        assertNull(hlr.nextReport(200, TimeUnit.MILLISECONDS), "one ReportSM-DeliveryStatus only");
    }

    @Test
    void anAlertForAnotherServiceCentreIsRefusedAndDeliversNothing() throws Exception {
        start("1h");
        serving.absent(IMSI_2, MSC);
        trigger(3, "meter-2@meters.test", new byte[] {6});
        assertEquals(IMSI_2 + "@" + MSC, serving.nextAbsentAnswer(WAIT, TimeUnit.SECONDS));
        MapOutcome<Boolean> wrong = hlr.alertServiceCentre("491701000002", "491720000111").get(WAIT, TimeUnit.SECONDS);
        assertEquals(MapOutcome.Kind.MAP_ERROR, wrong.kind(), "unexpectedDataValue for a service centre not served here");
        assertNull(reports.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(1, serving.attemptsFor(IMSI_2).size(), "no new attempt");
        node.close();
        node = null;
        List<String> audit = Files.readAllLines(dir.resolve("data/audit/audit.jsonl"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("sms-sc-alert") && l.contains("491720000111")),
                "the refused alert is one audit line\n" + String.join("\n", audit));
    }

    @Test
    void aLongTriggerGoesAsAConcatenatedSmThatReassemblesAtTheMsc() throws Exception {
        start("1h");
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 251);
        }
        trigger(4, "meter-2@meters.test", payload);
        assertEquals(DeliveryOutcome.SUCCESS, report().outcome());
        List<SmsDeliver> got = serving.deliveredTo(IMSI_2);
        assertEquals(3, got.size());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int reference = got.get(0).userData().header().concatenation().orElseThrow().reference();
        for (int i = 0; i < got.size(); i++) {
            SmsDeliver sm = got.get(i);
            assertEquals(0x48, sm.protocolIdentifier());
            Concatenation c = sm.userData().header().concatenation().orElseThrow();
            assertEquals(new Concatenation(reference, 3, i + 1), c);
            assertEquals(9200, sm.userData().header().applicationPort().orElseThrow().destinationPort(), "port in every segment");
            whole.write(sm.userData().body());
        }
        assertArrayEquals(payload, whole.toByteArray());
    }

    @Test
    void aServingNodeThatRefusesV3GetsForwardSmInV2AndIsRememberedAsV2() throws Exception {
        start("1h", true);
        trigger(5, "meter-2@meters.test", new byte[] {7, 8});
        assertEquals(DeliveryOutcome.SUCCESS, report().outcome());
        assertEquals(1, v2.refusedV3(), "the v3 dialog was refused as not supported");
        trigger(6, "meter-2@meters.test", new byte[] {9});
        assertEquals(DeliveryOutcome.SUCCESS, report().outcome());
        assertEquals(1, v2.refusedV3(), "the second SM went as v2 at once");
        assertEquals(2, serving.deliveredTo(IMSI_2).size());
    }

    /** One UE texts another: the SMS-SC finds the recipient in the subscriber store and delivers from the sender. */
    @Test
    void anMoSmToAnotherUeIsDeliveredAsMtFromItsSender() throws Exception {
        start("1h");
        org.mtcgate.lab.map.MoSender ue = new org.mtcgate.lab.map.MoSender(peers);
        byte[] submit = org.mtcgate.map.tpdu.TpduCodec.encode(new org.mtcgate.map.tpdu.SmsSubmit(false, false, false, 9,
                org.mtcgate.map.tpdu.SmsAddress.international("491701000002"), 0x00, 0x00,
                new org.mtcgate.map.tpdu.ValidityPeriod.Relative(11), // one hour
                org.mtcgate.map.tpdu.UserData.gsm7(null, "hello from meter 1")));
        ue.moForwardSm(SC, SC, "491701000001", submit, 3).get(WAIT, TimeUnit.SECONDS);
        var delivered = serving.nextDelivered(WAIT, TimeUnit.SECONDS);
        assertNotNull(delivered, "the MSC got the SM");
        assertEquals(IMSI_2, delivered.getKey());
        SmsDeliver got = delivered.getValue();
        assertEquals("491701000001", got.originatingAddress().value(), "from the sending UE");
        assertEquals("hello from meter 1", got.userData().text());
        assertEquals(0x00, got.protocolIdentifier());
    }

    /**
     * The attacker's try: a UE sends another UE a trigger, or an SM a handset reads as SIM OTA (a SIM toolkit UDH IE
     * in a text SM), hoping the SMS-SC relays it as MT. The MO filter refuses both and nothing reaches the MSC; an
     * ordinary SM sent after them arrives, so the path itself works.
     */
    @Test
    void anMoTriggerOrOtaSmToAnotherUeIsNeverRelayed() throws Exception {
        start("1h");
        org.mtcgate.lab.map.MoSender ue = new org.mtcgate.lab.map.MoSender(peers);
        var trigger = org.mtcgate.map.tpdu.UserData.eightBit(org.mtcgate.map.tpdu.UserDataHeader.of(
                org.mtcgate.map.tpdu.InformationElement.applicationPort16(9200, 0)), new byte[] {1});
        java.util.concurrent.ExecutionException refusedTrigger = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> ue.moForwardSm(SC, SC, "491701000001",
                        submitTo("491701000002", 0x48, 0x04, trigger), 3).get(WAIT, TimeUnit.SECONDS));
        assertTrue(refusedTrigger.getCause().getMessage().contains("facilityNotSupported"), refusedTrigger.getCause().getMessage());
        var ota = org.mtcgate.map.tpdu.UserData.gsm7(org.mtcgate.map.tpdu.UserDataHeader.of(
                org.mtcgate.map.tpdu.InformationElement.otaCommandPacket()), "x");
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> ue.moForwardSm(SC, SC, "491701000001", submitTo("491701000002", 0x00, 0x00, ota), 3).get(WAIT, TimeUnit.SECONDS));
        ue.moForwardSm(SC, SC, "491701000001", submitTo("491701000002", 0x00, 0x00,
                org.mtcgate.map.tpdu.UserData.gsm7(null, "plain")), 3).get(WAIT, TimeUnit.SECONDS);
        var delivered = serving.nextDelivered(WAIT, TimeUnit.SECONDS);
        assertNotNull(delivered);
        assertEquals("plain", delivered.getValue().userData().text(), "the first and only SM the MSC got");
        assertNull(serving.nextDelivered(300, TimeUnit.MILLISECONDS));
    }

    private static byte[] submitTo(String to, int pid, int dcs, org.mtcgate.map.tpdu.UserData ud) throws Exception {
        return org.mtcgate.map.tpdu.TpduCodec.encode(new org.mtcgate.map.tpdu.SmsSubmit(false, false, false, 3,
                org.mtcgate.map.tpdu.SmsAddress.international(to), pid, dcs, new org.mtcgate.map.tpdu.ValidityPeriod.None(), ud));
    }
}

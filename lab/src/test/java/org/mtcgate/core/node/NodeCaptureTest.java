package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.capture.PacketCapture;
import org.mtcgate.core.capture.Tshark;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.apache.sshd.client.SshClient;
import org.mtcgate.core.console.ConsoleClient;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.mtcgate.core.node.NodeLab.IMSI;
import static org.mtcgate.core.node.NodeLab.MTC_IWF;
import static org.mtcgate.core.node.NodeLab.SCS;
import static org.mtcgate.core.node.NodeLab.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's signalling capture, read back by tshark: a Tsp trigger over mutual TLS (DAR, DAA, DNR in the clear,
 * as the node saw them after TLS) and the MT-ForwardSM that carries it to the MSC over M3UA, decoded down to GSM MAP
 * and the SMS TPDU by Wireshark's own dissectors, from a capture the config starts with the node.
 */
class NodeCaptureTest {
    @TempDir
    Path dir;
    Node node;
    Ss7Stack mscStack;
    ScsClient scs;
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, mscStack, node);
    }

    @Test
    void aTriggerIsCapturedAsTspAndGsmMapThatTsharkDecodesByName() throws Exception {
        int[] ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("policy.yaml"), NodeLab.METERS_POLICY);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("cap", "mtc-iwf, sms-sc")
                + NodeLab.tlsDiameter("[{host: scs1.utility.test}]") + NodeLab.ss7ForMsc(ports) + NodeLab.FAST_SMS_SC
                + "trace: {pcap: signalling.pcapng}\n");
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        int listenPort = node.diameterAddress().orElseThrow().getPort();
        NodeLab.Msc started = NodeLab.startMsc(dir, ports, node);
        mscStack = started.stack();
        LabMsc msc = started.lab();
        scs = NodeLab.connectScs(dir, node, reports::add);

        assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST,
                41, null, UeName.of(ExternalId.of("meter-1@meters.test")), "wake".getBytes(StandardCharsets.US_ASCII), 9200,
                false, Duration.ofMinutes(5))).get(WAIT, TimeUnit.SECONDS).requestStatus());
        assertNotNull(reports.poll(WAIT, TimeUnit.SECONDS), "the DNR");
        assertEquals(1, msc.deliveredTo(IMSI).size());
        scs.close();
        scs = null;
        PacketCapture capture = node.capture();
        node.close(); // closes the capture after the last DPR and M3UA message
        node = null;

        Path file = dir.resolve("signalling.pcapng");
        assertEquals(Map.of("written", (long) Tshark.fields(file, null, "frame.number").size(), "dropped", 0L, "too-large", 0L),
                capture.totals(), "mtcgate_capture_packets_total counts what the file holds");
        List<String> diameter = Tshark.fields(file, "diameter", "sctp.checksum.status", "sctp.data_payload_proto_id",
                "frame.packet_flags_direction", "diameter.cmd.code", "diameter.flags.request", "diameter.Session-Id",
                "diameter.Reference-Number", "diameter.Request-Status", "diameter.Delivery-Outcome");
        List<String> tsp = diameter.stream().filter(l -> l.contains("|8388639|") || l.contains("|8388640|")).toList();
        assertEquals(4, tsp.size(), String.join("\n", diameter));
        String dar = tsp.get(0);
        String session = dar.split("\\|")[5];
        assertEquals("1|46|0x00000001|8388639|1|" + session + "|41||", dar, "the DAR as received, after TLS");
        assertTrue(session.startsWith(SCS + ";"), session);
        assertEquals("1|46|0x00000002|8388639|0|" + session + "|41|0|", tsp.get(1), "the DAA: SUCCESS");
        assertTrue(tsp.get(2).matches("1\\|46\\|0x00000002\\|8388640\\|1\\|" + MTC_IWF.replace(".", "\\.") + ";[^|]+\\|41\\|\\|0"),
                "the DNR: Delivery-Outcome SUCCESS: " + tsp.get(2));
        assertTrue(diameter.get(0).endsWith("|257|1||||"), "CER first: " + diameter.get(0));
        List<String> ends = Tshark.fields(file, "diameter.cmd.code == 8388639 && diameter.flags.request == 1",
                "ip.dst", "sctp.dstport");
        assertEquals(List.of("127.0.0.1|" + listenPort), ends, "the node's real Diameter address");

        List<String> map = Tshark.fields(file, "gsm_map", "sctp.checksum.status", "sctp.data_payload_proto_id",
                "frame.packet_flags_direction", "m3ua.protocol_data_opc", "m3ua.protocol_data_dpc", "gsm_old.localValue",
                "e212.imsi", "gsm_sms.tp-pid", "gsm_sms.tp-oa", "gsm_sms.destination_port", "frame.comment");
        assertEquals("1|3|0x00000002|1|2|44|" + IMSI + "|72|491720000999|9200|peer peer", map.get(0),
                "MT-ForwardSM to the MSC: the trigger SM (TP-PID 0x48) with its port: " + map);
        assertEquals(2, map.size(), "and the MSC's result: " + map);
        assertTrue(map.get(1).startsWith("1|3|0x00000001|2|1|"), map.get(1));
        String errors = Tshark.read(file, "--disable-protocol", "wsp", "-o", "sctp.checksum:CRC-32C", "-q", "-z", "expert,error");
        assertFalse(errors.contains("Errors ("), "nothing malformed (port 9200 is WSP's: Wireshark would read the "
                + "trigger payload as WSP): " + errors);
    }

    @Test
    void theConsoleCapturesTheRoutersMapLegsAndTsharkShowsTheCorrelationIdOutsideAndTheImsiInside() throws Exception {
        int[] p = FreePorts.distinct(6);
        String routerGt = "491720000300";
        String hlrGt = "491720000006";
        String mscGt = "49172000208";
        String msisdn = "491701000001";
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\n");
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: rtr, data-dir: data}
                roles: [sms-router]
                policy: policy.yaml
                ss7:
                  local-gt: "%s"
                  point-code: 1
                  invoke-timeout: 2s
                  default-peer: smsc
                  peers:
                    - {name: smsc, role: server, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 2, ssns: [8]}
                    - {name: hlr, role: client, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 3, ssns: [6], global-titles: ["%s"], zone: home}
                    - {name: msc, role: client, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 4, ssns: [8], global-titles: ["%s"], zone: home}
                sms-router: {hlr-gt: "%s", home-mcc-mnc: "26201", correlation-ttl: 1m}
                %s
                """.formatted(routerGt, p[0], p[1], p[2], p[3], hlrGt, p[4], p[5], mscGt, hlrGt, NodeLab.console()));
        Ss7Stack hlrStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-hlr").dataDir(dir.resolve("peers"))
                .role(AssociationRole.SERVER).local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, 1)
                .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(hlrGt).build());
        Ss7Stack mscSide = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-msc").dataDir(dir.resolve("peers"))
                .role(AssociationRole.SERVER).local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(mscGt).build());
        Ss7Stack smscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-smsc").dataDir(dir.resolve("peers"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                .localGlobalTitle("33612000000").build());
        SshClient ssh = SshClient.setUpDefaultClient();
        try (AutoCloseable closeAll = () -> {
            for (AutoCloseable c : new AutoCloseable[] {smscStack, mscSide, hlrStack}) {
                c.close();
            }
            ssh.stop();
        }) {
            new HlrPeer(hlrStack).provision(msisdn, new HlrPeer.Subscription(IMSI, mscGt));
            MscPeer msc = new MscPeer(mscSide);
            SmscPeer foreign = new SmscPeer(smscStack);
            hlrStack.connect();
            mscSide.connect();
            node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
            smscStack.connect();
            for (Ss7Stack s : List.of(hlrStack, mscSide, smscStack, node.ss7().orElseThrow())) {
                s.active().get(WAIT, TimeUnit.SECONDS);
            }
            ssh.setServerKeyVerifier((session, address, key) -> true);
            ssh.start();
            Path file;
            try (ConsoleClient c = ConsoleClient.withPassword(ssh, node.consolePort().orElseThrow(), "olga", "op-secret-1")) {
                c.awaitPrompt();
                assertTrue(c.run("trace pcap").contains("no capture"));
                assertTrue(c.run("trace pcap ../audit/audit.jsonl").contains("is not a file name"), "no paths from the console");
                assertTrue(c.run("trace pcap router.pcapng hlr").contains("'hlr' is not a capture filter word"));
                String started = c.run("trace pcap router.pcapng m3ua");
                assertTrue(started.contains("capturing to") && started.contains("router.pcapng: m3ua"), started);

                RoutingInfo routing = foreign.sendRoutingInfoForSm(msisdn, msisdn).get(WAIT, TimeUnit.SECONDS);
                foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), ordinarySm(), false).get(WAIT, TimeUnit.SECONDS);
                assertEquals(1, msc.deliveredTo(IMSI).size());

                assertTrue(c.run("trace pcap router.pcapng").contains("a capture is running"));
                String stopped = c.run("trace pcap stop");
                assertTrue(stopped.contains("capture stopped") && stopped.contains("0 dropped"), stopped);
                assertTrue(c.run("trace pcap stop").contains("no capture is running"));
                file = dir.resolve("data/captures/router.pcapng");

                List<String> legs = Tshark.fields(file, "gsm_old.localValue", "frame.comment",
                        "frame.packet_flags_direction", "gsm_old.localValue", "e164.msisdn", "e212.imsi", "gsm_sms.tp-pid");
                String corr = routing.imsi();
                assertEquals(List.of(
                        "peer smsc|0x00000001|45|" + msisdn + ",33612000000||",
                        "peer hlr|0x00000002|45|" + msisdn + ",33612000000||",
                        "peer hlr|0x00000001|45|" + mscGt + "|" + IMSI + "|",
                        "peer smsc|0x00000002|45|" + routerGt + "|" + corr + "|",
                        "peer smsc|0x00000001|44|33612000000,4930123456|" + corr + "|0",
                        "peer msc|0x00000002|44|33612000000,4930123456|" + IMSI + "|0"), legs,
                        "SRI-for-SM in from the SMSC and out to the HLR, the HLR's answer (IMSI, MSC) and the SMSC's "
                        + "(correlation ID, the router's GT); MT-ForwardSM in to the correlation ID, out to the IMSI");
                assertFalse(Tshark.read(file, "-Y", "diameter").contains("DIAMETER"), "the filter kept M3UA only");
            }
        }
    }

    private static byte[] ordinarySm() throws Exception {
        return TpduCodec.encode(new SmsDeliver(false, false, false, false, SmsAddress.international("4930123456"), 0, 0x04,
                new ServiceCentreTimeStamp(26, 11, 30, 14, 0, 0, 4), UserData.eightBit(null,
                "hello".getBytes(StandardCharsets.US_ASCII))));
    }
}

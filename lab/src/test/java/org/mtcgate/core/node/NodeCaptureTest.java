package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.capture.Tshark;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String IMSI = "262015500000001";
    static final long WAIT = 20;

    @TempDir
    Path dir;
    Node node;
    Ss7Stack mscStack;
    ScsClient scs;
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (scs != null) {
            scs.close();
        }
        if (mscStack != null) {
            mscStack.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aTriggerIsCapturedAsTspAndGsmMapThatTsharkDecodesByName() throws Exception {
        int[] ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  meters: {external-id-domains: [meters.test]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [meters]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: cap, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.utility.test}]
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  invoke-timeout: 1s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {trigger-originator: "491720000999", retry-first: 50ms, retry-max: 200ms}
                trace: {pcap: signalling.pcapng}
                """.formatted(ports[0], ports[1]));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        int listenPort = node.diameterAddress().orElseThrow().getPort();
        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dir.resolve("msc"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0])
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle("491720000200").build());
        LabMsc msc = new LabMsc(mscStack);
        mscStack.connect();
        mscStack.active().get(WAIT, TimeUnit.SECONDS);
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
        LabPki pki = new LabPki(dir.resolve("pki"));
        scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of(SCS, "utility.test", InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting(MTC_IWF, "operator.test", node.diameterAddress().orElseThrow(), PeerRole.MTC_IWF))
                .tls(LabPki.tlsSettings(pki.certificate(SCS), pki.key(SCS), pki.caCertificate())).build(),
                "operator.test", reports::add);
        scs.connected(MTC_IWF).get(WAIT, TimeUnit.SECONDS);

        assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST,
                41, null, UeName.of(ExternalId.of("meter-1@meters.test")), "wake".getBytes(StandardCharsets.US_ASCII), 9200,
                false, Duration.ofMinutes(5))).get(WAIT, TimeUnit.SECONDS).requestStatus());
        assertNotNull(reports.poll(WAIT, TimeUnit.SECONDS), "the DNR");
        assertEquals(1, msc.deliveredTo(IMSI).size());
        scs.close();
        scs = null;
        node.close(); // closes the capture after the last DPR and M3UA message
        node = null;

        Path file = dir.resolve("signalling.pcapng");
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
}

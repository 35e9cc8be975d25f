package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.SmsDeliver;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two nodes over mutual TLS: A is the MTC-IWF; B is the HSS (S6m) and the SMS-SC (T4, MAP). An SCS triggers a UE
 * at A; A asks B's HSS, submits to B's SMS-SC over T4; B delivers to the MSC and reports with DRR; A sends the DNR.
 */
class TwoNodeS6mT4Test {
    static final long WAIT = 20;

    @TempDir
    Path dir;
    Node a;
    Node b;
    Ss7Stack mscStack;
    ScsClient scs;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, mscStack, a, b);
    }

    @Test
    void triggerThroughS6mAndT4ToTheMscAndBackAsDnr() throws Exception {
        int[] ports = FreePorts.distinct(3);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: all}]}
                  - {id: mtc-iwf, ingress: [t4], identities: [mtc-iwf.a.test], grants: [{kinds: [trigger], to: all}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [scs1.utility.test], serving-nodes: ["491720000200"]}
                  - {imsi: "262015500000002", msisdn: "491701000002", external-ids: [meter-2@meters.test],
                     trigger-scs: [other.scs.test], serving-nodes: ["491720000200"]}
                """);
        String tls = "tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}";
        Files.writeString(dir.resolve("b.yaml"), """
                node: {name: b, data-dir: data-b}
                roles: [hss, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: core.b.test
                  listen: 127.0.0.1:%d
                  %s
                  peers: [{host: mtc-iwf.a.test, role: mtc-iwf}]
                ss7:
                  local-gt: "491720000100"
                  invoke-timeout: 1s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {trigger-originator: "491720000999", retry-first: 100ms, retry-max: 300ms}
                """.formatted(ports[0], tls.formatted("core.b.test"), ports[1], ports[2]));
        Files.writeString(dir.resolve("a.yaml"), """
                node: {name: a, data-dir: data-a}
                roles: [mtc-iwf]
                policy: policy.yaml
                diameter:
                  identity: mtc-iwf.a.test
                  listen: 127.0.0.1:0
                  %s
                  peers: [{host: scs1.utility.test, role: scs}, {host: core.b.test, role: [hss, sms-sc], connect: "127.0.0.1:%d"}]
                mtc-iwf:
                  hss: {host: core.b.test}
                  t4: {host: core.b.test, sme-address: "491720000999"}
                """.formatted(tls.formatted("mtc-iwf.a.test"), ports[0]));

        b = Node.start(NodeConfigFile.load(dir.resolve("b.yaml")), Clock.systemUTC());
        a = Node.start(NodeConfigFile.load(dir.resolve("a.yaml")), Clock.systemUTC());
        a.diameter().orElseThrow().whenPeerOpen("core.b.test").get(WAIT, TimeUnit.SECONDS);

        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dir.resolve("msc"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[2]).remote("127.0.0.1", ports[1])
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle("491720000200").build());
        LabMsc msc = new LabMsc(mscStack);
        mscStack.connect();
        mscStack.active().get(WAIT, TimeUnit.SECONDS);
        b.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);

        LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
        LabPki pki = new LabPki(dir.resolve("pki"));
        scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of("scs1.utility.test", "utility.test", InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting("mtc-iwf.a.test", "a.test", a.diameterAddress().orElseThrow(), PeerRole.MTC_IWF))
                .tls(LabPki.tlsSettings(pki.certificate("scs1.utility.test"), pki.key("scs1.utility.test"), pki.caCertificate()))
                .build(), "a.test", reports::add);
        scs.connected("mtc-iwf.a.test").get(WAIT, TimeUnit.SECONDS);

        assertEquals(RequestStatus.SUCCESS.code(), send(1, "meter-1@meters.test"));
        ScsClient.DeliveryReport report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, () -> "DRR from B became a DNR at A" + NodeLab.state(a, b));
        assertEquals(DeliveryOutcome.SUCCESS, report.outcome());
        SmsDeliver sm = msc.deliveredTo("262015500000001").get(0);
        assertEquals(0x48, sm.protocolIdentifier());
        assertEquals("trigger-1", new String(sm.userData().body(), StandardCharsets.US_ASCII));

        assertEquals(RequestStatus.INVEXTID.code(), send(2, "meter-404@meters.test"), "the HSS does not know the UE (5001)");
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), send(3, "meter-2@meters.test"), "the HSS does not let scs1 trigger it (5510)");
    }

    long send(long ref, String extId) throws Exception {
        return scs.send(new DeviceActionRequest("scs1.utility.test", null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(ExternalId.of(extId)), ("trigger-" + ref).getBytes(StandardCharsets.US_ASCII), 9200, false,
                Duration.ofMinutes(5))).get(WAIT, TimeUnit.SECONDS).requestStatus();
    }
}

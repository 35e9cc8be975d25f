package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * TS 23.682 5.2.1 promises the SCS an outcome for every accepted trigger: kill the node process (SIGKILL) while
 * a trigger waits for an absent UE, start it again, let the UE come back, and the trigger is delivered exactly
 * once and reported.
 */
class NodeKillTest {
    static final long WAIT = 30;

    @TempDir
    Path dir;
    NodeProcess node;
    Ss7Stack mscStack;
    ScsClient scs;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, mscStack, node);
    }

    @Test
    void anAcceptedTriggerSurvivesSigkillAndIsDeliveredOnce() throws Exception {
        int[] ports = FreePorts.distinct(3);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: all}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000007", external-ids: [meter-7@meters.test], trigger-scs: ["*"],
                     serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: killed, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.utility.test}]
                ss7:
                  local-gt: "491720000100"
                  invoke-timeout: 1s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {retry-first: 100ms, retry-max: 300ms}
                """.formatted(ports[0], ports[1], ports[2]));
        Path log = dir.resolve("node.log");

        node = NodeProcess.start(dir.resolve("mtcgate.yaml"), log);
        node.ready.get(60, TimeUnit.SECONDS);
        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dir.resolve("msc"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[2]).remote("127.0.0.1", ports[1])
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle("491720000200").build());
        LabMsc msc = new LabMsc(mscStack);
        msc.absent.add("262015500000007");
        mscStack.connect();
        mscStack.active().get(WAIT, TimeUnit.SECONDS);

        LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
        LabPki pki = new LabPki(dir.resolve("pki"));
        scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of("scs1.utility.test", "utility.test",
                        InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting("mtc-iwf.operator.test", "operator.test", new InetSocketAddress("127.0.0.1", ports[0]), PeerRole.MTC_IWF))
                .reconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                .tls(LabPki.tlsSettings(pki.certificate("scs1.utility.test"), pki.key("scs1.utility.test"), pki.caCertificate()))
                .build(), "operator.test", reports::add);
        scs.connected("mtc-iwf.operator.test").get(WAIT, TimeUnit.SECONDS);
        long status = scs.send(new DeviceActionRequest("scs1.utility.test", null, ActionType.DEVICE_TRIGGER_REQUEST, 77, null,
                UeName.of(ExternalId.of("meter-7@meters.test")), "survive".getBytes(StandardCharsets.US_ASCII), 9200, false,
                Duration.ofMinutes(10))).get(WAIT, TimeUnit.SECONDS).requestStatus();
        assertEquals(RequestStatus.SUCCESS.code(), status);
        assertNotNull(msc.absentAnswers.poll(WAIT, TimeUnit.SECONDS), "the SMS-SC found the UE absent");

        node.kill();
        msc.absent.clear();
        node = NodeProcess.start(dir.resolve("mtcgate.yaml"), log);
        node.ready.get(60, TimeUnit.SECONDS);

        ScsClient.DeliveryReport report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "a DNR after the restart; node log:\n" + Files.readString(log));
        assertEquals(77, report.referenceNumber());
        assertEquals(DeliveryOutcome.SUCCESS, report.outcome());
        assertEquals(1, msc.deliveredTo("262015500000007").size(), "delivered exactly once");
        assertNull(reports.poll(500, TimeUnit.MILLISECONDS), "reported once");
    }
}

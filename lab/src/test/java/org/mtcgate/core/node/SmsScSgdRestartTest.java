package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.mme.SimulatedMme;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The node's SMS-SC on all three paths at once: an MSC and an SGSN over MAP (one jSS7 peer stack) and an MME over SGd
 * (the lab's MME on the project's Diameter stack, mutual TLS). A UE served by the MME alone gets its trigger over SGd;
 * one absent at the MME gets it from the MSC named after it; and triggers waiting on every path at a restart are all
 * delivered once afterwards.
 */
class SmsScSgdRestartTest {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String MME = "mme1.epc.operator.test";
    static final String SC = "491720000100";
    static final String MSC = "491720000200";
    static final String SGSN = "491720000300";
    static final Imsi AT_MSC = Imsi.of("262015500000001");
    static final Imsi AT_SGSN = Imsi.of("262015500000002");
    static final Imsi AT_MME = Imsi.of("262015500000003");
    static final Imsi MME_THEN_MSC = Imsi.of("262015500000004");
    static final long WAIT = 20;

    @TempDir
    Path dir;
    int[] ports;
    Node node;
    Ss7Stack peers;
    MscPeer serving;
    DiameterNode mmeNode;
    final SimulatedMme mme = new SimulatedMme(Set.of(AT_MME, MME_THEN_MSC), Set.of(MME_THEN_MSC), l -> { });
    ScsClient scs;
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, node, peers, mmeNode);
    }

    void files() throws Exception {
        ports = FreePorts.distinct(3);
        Files.writeString(dir.resolve("policy.yaml"), NodeLab.METERS_POLICY);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "%s", external-ids: [m1@meters.test], trigger-scs: ["*"], serving-nodes: ["%s"]}
                  - {imsi: "%s", external-ids: [m2@meters.test], trigger-scs: ["*"], serving-nodes: ["sgsn:%s"]}
                  - {imsi: "%s", external-ids: [m3@meters.test], trigger-scs: ["*"], serving-nodes: ["mme:%s"]}
                  - {imsi: "%s", external-ids: [m4@meters.test], trigger-scs: ["*"], serving-nodes: ["mme:%s", "%s"]}
                """.formatted(AT_MSC.digits(), MSC, AT_SGSN.digits(), SGSN, AT_MME.digits(), MME, MME_THEN_MSC.digits(), MME, MSC));
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: paths, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers:
                    - {host: scs1.utility.test}
                    - {host: %s, realm: epc.operator.test, role: mme, connect: "127.0.0.1:%d"}
                ss7:
                  local-gt: "%s"
                  point-code: 1
                  invoke-timeout: 2s
                  peers:
                    - {name: core, role: server, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 2,
                       ssns: [8, 149], global-titles: ["4917200002", "4917200003"], zone: home}
                sms-sc: {trigger-originator: "491720000999", addresses: ["%s"], sgd: true, retry-first: 200ms, retry-max: 1s}
                """.formatted(MME, ports[2], SC, ports[0], ports[1], SC));
        LabPki pki = new LabPki(dir.resolve("pki"));
        pki.ensure(List.of(MTC_IWF, SCS, MME));
        InetAddress lo = InetAddress.getLoopbackAddress();
        mmeNode = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(MME, "epc.operator.test", lo))
                .listen(new InetSocketAddress(lo, ports[2]))
                .tls(LabPki.tlsSettings(pki.certificate(MME), pki.key(MME), pki.caCertificate()))
                .peer(PeerConfig.accepting(MTC_IWF, "operator.test", PeerRole.SMS_SC)).build())
                .registerHandler(ApplicationIds.SGD, mme).start();
        peers = Ss7Stack.assemble(Ss7StackConfig.builder().name("core").dataDir(dir.resolve("peers"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_SGSN).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle(MSC).build());
        serving = new MscPeer(peers);
        peers.connect();
    }

    void startNode() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        peers.active().get(WAIT, TimeUnit.SECONDS);
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
        node.diameter().orElseThrow().whenPeerOpen(MME).get(WAIT, TimeUnit.SECONDS);
        scs = NodeLab.connectScs(dir, node, reports::add);
    }

    void trigger(long ref, String extId, byte[] payload) throws Exception {
        assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST,
                ref, null, UeName.of(ExternalId.of(extId)), payload, 9200, false, Duration.ofMinutes(5)))
                .get(WAIT, TimeUnit.SECONDS).requestStatus());
    }

    Set<Long> reportsOf(int n) throws InterruptedException {
        Set<Long> refs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ScsClient.DeliveryReport r = reports.poll(WAIT, TimeUnit.SECONDS);
            assertNotNull(r, "report " + (i + 1) + " of " + n);
            assertEquals(DeliveryOutcome.SUCCESS, r.outcome(), "reference " + r.referenceNumber());
            refs.add(r.referenceNumber());
        }
        return refs;
    }

    @Test
    void overSgdToTheMmeAndFromAnAbsentMmeToTheMsc() throws Exception {
        files();
        startNode();
        trigger(1, "m3@meters.test", new byte[] {1, 2, 3});
        trigger(2, "m4@meters.test", new byte[] {4});
        assertEquals(Set.of(1L, 2L), reportsOf(2));
        List<byte[]> atMme = mme.delivered(AT_MME);
        assertEquals(1, atMme.size());
        SmsDeliver sm = TpduCodec.decodeDeliver(atMme.get(0));
        assertEquals(0x48, sm.protocolIdentifier());
        assertArrayEquals(new byte[] {1, 2, 3}, sm.userData().body());
        assertEquals(List.of(), mme.delivered(MME_THEN_MSC), "absent at the MME");
        assertEquals(1, serving.deliveredTo(MME_THEN_MSC.digits()).size(), "so the MSC named after it got it");
    }

    /** Absent on every path when the node stops; back when it has started again: each trigger arrives once. */
    @Test
    void triggersWaitingOnEveryPathSurviveARestartAndArriveOnce() throws Exception {
        files();
        serving.absent(AT_MSC.digits(), MSC).absent(AT_SGSN.digits(), SGSN);
        mme.absent(AT_MME, true);
        startNode();
        trigger(11, "m1@meters.test", new byte[] {11});
        trigger(12, "m2@meters.test", new byte[] {12});
        trigger(13, "m3@meters.test", new byte[] {13});
        assertNotNull(serving.nextAbsentAnswer(WAIT, TimeUnit.SECONDS));
        assertNotNull(serving.nextAbsentAnswer(WAIT, TimeUnit.SECONDS));
        scs.close();
        scs = null;
        node.close();
        node = null;

        serving.present(AT_MSC.digits(), MSC).present(AT_SGSN.digits(), SGSN);
        mme.absent(AT_MME, false);
        startNode();
        assertEquals(Set.of(11L, 12L, 13L), reportsOf(3));
        assertEquals(1, serving.deliveredTo(AT_MSC.digits()).size());
        assertEquals(1, serving.deliveredTo(AT_SGSN.digits()).size());
        assertEquals(1, mme.delivered(AT_MME).size());
        assertNull(reports.poll(300, TimeUnit.MILLISECONDS), "each reported once");
    }
}

package org.mtcgate.diameter.tsp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.codec.DiameterMessageEncoder;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.MemoryTriggerStore;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.trigger.TriggerSubmitter;
import org.mtcgate.filter.trigger.UeName;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MTC-IWF's Tsp endpoint over real sockets: an SCS node sends DARs, the MTC-IWF runs the device triggering
 * procedure (filter, subscriber store, store, submission) and answers; delivery reports come back as DNRs.
 */
class MtcIwfTspTest {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String ROGUE = "scs.rogue.test";
    static final Imsi IMSI = Imsi.of("262015500000001");
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final long WAIT = 10;

    static final String POLICY = """
            version: 1
            groups:
              meters: {external-id-domains: [meters.test], msisdn-prefixes: ["4917010"]}
            senders:
              - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [meters]}]}
            """;

    /** The SMS-SC side for these tests: takes every trigger and lets the test report its delivery. */
    static final class RecordingSmsc implements TriggerSubmitter {
        final List<DeviceTrigger> submitted = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            submitted.add(trigger);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            submitted.add(replacement);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }
    }

    final RecordingSmsc smsc = new RecordingSmsc();
    final LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
    final List<AutoCloseable> open = new ArrayList<>();
    DeviceTriggering triggering;
    DiameterNode mtcIwf;

    @AfterEach
    void close() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static LocalIdentity identity(String host) {
        return new LocalIdentity(host, host.substring(host.indexOf('.') + 1), List.of(LOOPBACK), 0, "mtcgate-test", 1, 1);
    }

    /** Starts the MTC-IWF; with {@code ca} null it runs plain TCP (insecure lab), else mutual TLS. */
    void startMtcIwf(LabCertificateAuthority ca) throws Exception {
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("tsp-test.yaml", POLICY, ListSource.NONE), TimeSource.SYSTEM);
        SubscriberTable hss = new SubscriberTable(List.of(new Subscriber(IMSI, Msisdn.of("491701000001"),
                List.of(ExternalId.of("meter-1@meters.test")), Set.of(SCS), List.of("491720000200"))));
        DiameterNodeConfig.Builder cfg = DiameterNodeConfig.builder(identity(MTC_IWF))
                .listen(new InetSocketAddress(LOOPBACK, 0))
                .peer(PeerConfig.accepting(SCS, "utility.test"))
                .peer(PeerConfig.accepting(ROGUE, "rogue.test"));
        if (ca == null) {
            cfg.insecureLab(true);
        } else {
            cfg.tls(ca.issue(MTC_IWF, Duration.ofDays(1)).tlsSettings(List.of(ca.certificate())));
        }
        mtcIwf = new DiameterNode(cfg.build());
        TspNotifier notifier = new TspNotifier(mtcIwf, scs -> scs.substring(scs.indexOf('.') + 1));
        triggering = new DeviceTriggering(filter, hss, new MemoryTriggerStore(), smsc, notifier, TriggerObserver.NONE,
                TriggerLimits.DEFAULT, Clock.systemUTC());
        mtcIwf.registerHandler(ApplicationIds.TSP, new MtcIwfTspApplication(triggering, true)).start();
        open.add(mtcIwf);
    }

    ScsClient connect(String host, LabCertificateAuthority ca) throws Exception {
        DiameterNodeConfig.Builder cfg = DiameterNodeConfig.builder(identity(host))
                .peer(PeerConfig.connecting(MTC_IWF, "operator.test", mtcIwf.localAddress(), PeerRole.MTC_IWF));
        if (ca == null) {
            cfg.insecureLab(true);
        } else {
            IssuedCredential cred = ca.issue(host, Duration.ofDays(1));
            cfg.tls(cred.tlsSettings(List.of(ca.certificate())));
        }
        ScsClient scs = ScsClient.start(cfg.build(), "operator.test", reports::add);
        open.add(0, scs);
        scs.connected(MTC_IWF).get(WAIT, TimeUnit.SECONDS);
        return scs;
    }

    static DeviceActionRequest trigger(String scs, long ref, String extId) {
        return new DeviceActionRequest(scs, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                UeName.of(ExternalId.of(extId)), "wake-up".getBytes(StandardCharsets.US_ASCII), 9200, false, Duration.ofMinutes(5));
    }

    @Test
    void triggerOverMutualTlsIsAnsweredSubmittedAndReported() throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.create("mtcgate test CA", Duration.ofDays(1));
        startMtcIwf(ca);
        ScsClient scs = connect(SCS, ca);

        DeviceActionAnswer daa = scs.send(trigger(SCS, 42, "meter-1@meters.test")).get(WAIT, TimeUnit.SECONDS);
        assertEquals(2001, daa.resultCode());
        assertEquals(RequestStatus.SUCCESS.code(), daa.requestStatus());
        assertEquals(42, daa.referenceNumber());
        assertEquals(1, daa.featureBits(), "the final target supports recall and replace");
        DeviceTrigger submitted = smsc.submitted.get(0);
        assertEquals(IMSI, submitted.subscriber().imsi());
        assertEquals(9200, submitted.applicationPort());

        assertTrue(triggering.onDeliveryReport(new TriggerId(SCS, 42), DeliveryOutcome.SUCCESS)
                .toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        ScsClient.DeliveryReport report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "a DNR reached the SCS");
        assertEquals(42, report.referenceNumber());
        assertEquals(DeliveryOutcome.SUCCESS, report.outcome());

        for (DiameterMessage m : List.of(daa.message(), report.dnr())) {
            assertNoImsi(m);
        }
    }

    @Test
    void refusalsCarryTheRequestStatus() throws Exception {
        startMtcIwf(null);
        ScsClient rogue = connect(ROGUE, null);
        DeviceActionAnswer notAuthorised = rogue.send(trigger(ROGUE, 1, "meter-1@meters.test")).get(WAIT, TimeUnit.SECONDS);
        assertEquals(2001, notAuthorised.resultCode());
        assertEquals(RequestStatus.NOTAUTHORIZED.code(), notAuthorised.requestStatus());

        ScsClient scs = connect(SCS, null);
        assertEquals(RequestStatus.INVEXTID.code(),
                scs.send(trigger(SCS, 2, "meter-404@meters.test")).get(WAIT, TimeUnit.SECONDS).requestStatus());
        DeviceActionRequest claimsOther = new DeviceActionRequest(SCS, ROGUE, ActionType.DEVICE_TRIGGER_REQUEST, 3, null,
                UeName.of(ExternalId.of("meter-1@meters.test")), new byte[] {1}, -1, false, null);
        assertEquals(RequestStatus.INVSCSID.code(), scs.send(claimsOther).get(WAIT, TimeUnit.SECONDS).requestStatus());
        assertTrue(smsc.submitted.isEmpty());
    }

    @Test
    void malformedDeviceActionsGetRfc6733Answers() throws Exception {
        startMtcIwf(null);
        ScsClient scs = connect(SCS, null);

        DiameterMessage noAction = DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(SCS + ";1")).avp(BaseAvps.authApplicationId(ApplicationIds.TSP)).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm("operator.test")).build();
        DiameterMessage a = scs.node().sendRequest(noAction).get(WAIT, TimeUnit.SECONDS);
        assertEquals(5005, resultCode(a));
        assertEquals(AvpCodes.DEVICE_ACTION, a.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());

        DiameterMessage badType = withDeviceAction(TspAvps.referenceNumber(7), TspAvps.actionType(2),
                TspAvps.externalIdentifier("meter-1@meters.test"));
        DiameterMessage b = scs.node().sendRequest(badType).get(WAIT, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(b));
        assertEquals(AvpCodes.ACTION_TYPE, b.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());

        DiameterMessage noPayload = withDeviceAction(TspAvps.referenceNumber(8), TspAvps.actionType(1),
                TspAvps.externalIdentifier("meter-1@meters.test"));
        assertEquals(5005, resultCode(scs.node().sendRequest(noPayload).get(WAIT, TimeUnit.SECONDS)));

        DiameterMessage badMsisdn = withDeviceAction(TspAvps.referenceNumber(9), TspAvps.actionType(1),
                TspAvps.tgpp(AvpCodes.MSISDN).octets(new byte[] {(byte) 0x94, (byte) 0xAB}),
                TspAvps.triggerData(new byte[] {1}, null, null));
        assertEquals(5004, resultCode(scs.node().sendRequest(badMsisdn).get(WAIT, TimeUnit.SECONDS)));

        DiameterMessage noUe = withDeviceAction(TspAvps.referenceNumber(10), TspAvps.actionType(1),
                TspAvps.triggerData(new byte[] {1}, null, null));
        DeviceActionAnswer daa = DeviceActionAnswer.of(scs.node().sendRequest(noUe).get(WAIT, TimeUnit.SECONDS));
        assertEquals(2001, daa.resultCode());
        assertEquals(RequestStatus.INVEXTID.code(), daa.requestStatus());

        // The endpoint still serves the same SCS afterwards.
        assertEquals(RequestStatus.SUCCESS.code(),
                scs.send(trigger(SCS, 11, "meter-1@meters.test")).get(WAIT, TimeUnit.SECONDS).requestStatus());
    }

    @Test
    void recallAndReplaceOverTsp() throws Exception {
        startMtcIwf(null);
        ScsClient scs = connect(SCS, null);
        assertEquals(0, scs.send(trigger(SCS, 20, "meter-1@meters.test")).get(WAIT, TimeUnit.SECONDS).requestStatus());
        DeviceActionRequest replace = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REPLACE, 21, 20L,
                UeName.of(ExternalId.of("meter-1@meters.test")), new byte[] {9}, 9200, true, null);
        assertEquals(0, scs.send(replace).get(WAIT, TimeUnit.SECONDS).requestStatus());
        DeviceActionRequest recall = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_RECALL, 22, 21L,
                UeName.of(ExternalId.of("meter-1@meters.test")), new byte[0], -1, false, null);
        assertEquals(0, scs.send(recall).get(WAIT, TimeUnit.SECONDS).requestStatus());
        DeviceActionRequest recallAgain = new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_RECALL, 23, 21L,
                UeName.of(ExternalId.of("meter-1@meters.test")), new byte[0], -1, false, null);
        assertEquals(RequestStatus.RECALLFAIL.code(), scs.send(recallAgain).get(WAIT, TimeUnit.SECONDS).requestStatus());
    }

    static DiameterMessage withDeviceAction(Avp... parts) {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(SCS + ";" + System.nanoTime())).avp(BaseAvps.authApplicationId(ApplicationIds.TSP)).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm("operator.test"))
                .avp(TspAvps.tgpp(AvpCodes.DEVICE_ACTION).grouped(List.of(parts))).build();
    }

    static long resultCode(DiameterMessage m) {
        return m.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }

    /** TS 33.187 4.5: no IMSI leaves on Tsp, in any form. */
    static void assertNoImsi(DiameterMessage m) {
        ByteBuf buf = Unpooled.buffer();
        DiameterMessageEncoder.encode(m, buf);
        String hex = ByteBufUtil.hexDump(buf);
        String wire = buf.toString(StandardCharsets.ISO_8859_1);
        buf.release();
        assertFalse(wire.contains(IMSI.digits()), "IMSI as text in " + m);
        assertFalse(hex.contains(ByteBufUtil.hexDump(Tbcd.encode(IMSI.digits()))), "IMSI as TBCD in " + m);
        assertTrue(m.avp(AvpCodes.USER_NAME).isEmpty(), "User-Name (IMSI) in " + m);
        assertTrue(m.avp(AvpCodes.USER_IDENTIFIER, VendorIds.TGPP).isEmpty(), "User-Identifier in " + m);
    }
}

package org.mtcgate.diameter.t4;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.HssS6mApplication;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.S6mClientConfig;
import org.mtcgate.diameter.s6m.S6mSubscriberDirectory;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.MtcIwfTspApplication;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.diameter.tsp.TspNotifier;
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
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * The whole chain on loopback (TS 23.682 5.2.1 with T4 delivery, TS 29.368 Annex A.2): an SCS sends a DAR over
 * Tsp; the MTC-IWF's {@link DeviceTriggering} asks the HSS over S6m and submits over T4; the SMS-SC later reports
 * delivery with a DRR; the MTC-IWF records it and the SCS receives the DNR.
 */
class DeviceTriggeringOverS6mAndT4Test {
    static final String SCS = "scs1.utility.test";
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String HSS = "hss.operator.test";
    static final String SMS_SC = "smsc.operator.test";
    static final Imsi IMSI = Imsi.of("262015500000001");

    static final String POLICY = """
            version: 1
            groups:
              meters: {external-id-domains: [meters.test], msisdn-prefixes: ["4917010"]}
            senders:
              - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [meters]}]}
            """;

    final LoopbackNodes nodes = new LoopbackNodes();
    ScsClient scs;

    @AfterEach
    void stop() {
        if (scs != null) {
            scs.close();
        }
        nodes.close();
    }

    @Test
    void triggerGoesThroughS6mAndT4AndTheReportComesBackToTheScs() throws Exception {
        Clock clock = Clock.systemUTC();
        HssS6mApplication hss = new HssS6mApplication(new SubscriberTable(List.of(new Subscriber(IMSI, Msisdn.of("491701000001"),
                List.of(ExternalId.of("meter-1@meters.test")), Set.of(SCS), List.of("491720000200")))));
        DiameterNode hssNode = nodes.server(HSS, MTC_IWF).registerHandler(ApplicationIds.S6M, hss).start();

        RecordingEngine engine = new RecordingEngine();
        SmsScTriggers smsScPending = new SmsScTriggers(1000);
        DiameterNode smsScNode = nodes.server(SMS_SC, MTC_IWF)
                .registerHandler(ApplicationIds.T4, new SmsScT4Application(engine, smsScPending, Duration.ofDays(1), clock,
                        T4IngressPolicy.trusting(MTC_IWF), TriggerObserver.NONE)).start();
        T4DeliveryReporter reporter = new T4DeliveryReporter(smsScNode, smsScPending, clock);

        // The MTC-IWF: Tsp server towards the SCS, S6m and T4 client towards the HSS and SMS-SC.
        DiameterNode mtcIwf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(MTC_IWF))
                .listen(new InetSocketAddress(LoopbackNodes.LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(SCS, "utility.test"))
                .peer(PeerConfig.connecting(HSS, "operator.test", hssNode.localAddress(), PeerRole.HSS))
                .peer(PeerConfig.connecting(SMS_SC, "operator.test", smsScNode.localAddress(), PeerRole.SMS_SC))
                .build());
        S6mSubscriberDirectory directory = new S6mSubscriberDirectory(mtcIwf,
                new S6mClientConfig("operator.test", HSS, Duration.ofMinutes(5), 1000), clock);
        T4References references = new T4References(1000, Duration.ofHours(1), clock);
        T4TriggerSubmitter submitter = new T4TriggerSubmitter(mtcIwf, new T4ClientConfig("operator.test", SMS_SC,
                T4TriggerSubmitter.sameSmeForAll(SmeAddress.international("491720000999"))), references, clock);
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("e2e.yaml", POLICY, ListSource.NONE), TimeSource.SYSTEM);
        MemoryTriggerStore store = new MemoryTriggerStore();
        DeviceTriggering triggering = new DeviceTriggering(filter, directory, store, submitter,
                new TspNotifier(mtcIwf, host -> host.substring(host.indexOf('.') + 1)), TriggerObserver.NONE,
                TriggerLimits.DEFAULT, clock);
        mtcIwf.registerHandler(ApplicationIds.TSP, new MtcIwfTspApplication(triggering, true))
                .registerHandler(ApplicationIds.T4, new T4DeliveryReportApplication(references, triggering))
                .supportApplication(ApplicationIds.S6M)
                .start();
        try {
            LoopbackNodes.awaitOpen(mtcIwf, HSS);
            LoopbackNodes.awaitOpen(mtcIwf, SMS_SC);

            LinkedBlockingQueue<ScsClient.DeliveryReport> dnrs = new LinkedBlockingQueue<>();
            scs = ScsClient.start(DiameterNodeConfig.builder(LoopbackNodes.identity(SCS)).insecureLab(true)
                    .peer(PeerConfig.connecting(MTC_IWF, "operator.test", mtcIwf.localAddress(), PeerRole.MTC_IWF)).build(), "operator.test", dnrs::add);
            scs.connected(MTC_IWF).get(WAIT_SECONDS, TimeUnit.SECONDS);

            DeviceActionAnswer daa = scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, 42, null,
                    UeName.of(ExternalId.of("meter-1@meters.test")), "wake-up".getBytes(StandardCharsets.US_ASCII), 9200, false,
                    Duration.ofMinutes(5))).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(RequestStatus.SUCCESS.code(), daa.requestStatus());
            assertEquals(1, hss.requestCount(), "one SIR");
            DeviceTrigger atSmsSc = engine.submitted.get(0);
            assertEquals(IMSI, atSmsSc.subscriber().imsi());
            assertEquals(List.of("491720000200"), atSmsSc.subscriber().servingNodes());
            assertEquals(TriggerState.SUBMITTED, store.find(new TriggerId(SCS, 42)).orElseThrow().state());

            assertTrue(reporter.onDeliveryReport(atSmsSc.id(), DeliveryOutcome.SUCCESS).toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS), "the MTC-IWF acknowledged the DRR");
            assertEquals(TriggerState.DELIVERED, store.find(new TriggerId(SCS, 42)).orElseThrow().state());
            ScsClient.DeliveryReport dnr = dnrs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(dnr, "the SCS got a DNR");
            assertEquals(42, dnr.referenceNumber());
            assertEquals(DeliveryOutcome.SUCCESS, dnr.outcome());

            // A second trigger to the same UE is authorised from the S6m cache.
            assertEquals(RequestStatus.SUCCESS.code(), scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST,
                    43, null, UeName.of(ExternalId.of("meter-1@meters.test")), new byte[] {1}, -1, false, null))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS).requestStatus());
            assertEquals(1, hss.requestCount());
            assertEquals(2, engine.submitted.size());
        } finally {
            mtcIwf.close();
        }
    }
}

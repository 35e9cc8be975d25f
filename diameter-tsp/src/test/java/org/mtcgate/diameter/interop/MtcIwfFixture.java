package org.mtcgate.diameter.interop;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.tsp.MtcIwfTspApplication;
import org.mtcgate.diameter.tsp.TspNotifier;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.MemoryTriggerStore;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.trigger.TriggerStore;
import org.mtcgate.filter.trigger.TriggerSubmitter;

/**
 * An MTC-IWF with the real Tsp application and the real device triggering procedure (filter policy, subscriber
 * table, trigger store, notifier) behind a {@link DiameterNode}. The SMS-SC side is a submitter that accepts every
 * trigger at once. Shared by the interop tests and the Tsp benchmark.
 */
public final class MtcIwfFixture implements AutoCloseable {
    public static final String MTC_IWF = "mtc-iwf.operator.test";
    public static final String MTC_IWF_REALM = "operator.test";
    /** The SCS authorised for {@link #UE_EXT_ID}. */
    public static final String SCS = "scs1.utility.test";
    /** A sender the policy does not know: its triggers are NOTAUTHORIZED. */
    public static final String ROGUE = "scs.rogue.test";
    public static final String UE_EXT_ID = "meter-1@meters.test";
    public static final String UE_MSISDN = "491701000001";
    /** A UE in the granted group whose subscription lets only another SCS trigger it. */
    public static final String OTHER_UE_EXT_ID = "meter-2@meters.test";
    public static final Imsi IMSI = Imsi.of("262015500000001");

    /** Takes every trigger at once, keeping those submitted when asked to. */
    public static final class AcceptingSmsc implements TriggerSubmitter {
        public final List<DeviceTrigger> submitted = Collections.synchronizedList(new ArrayList<>());
        private final boolean record;

        AcceptingSmsc(boolean record) {
            this.record = record;
        }

        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            if (record) {
                submitted.add(trigger);
            }
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            return submit(replacement);
        }
    }

    public final DiameterNode node;
    public final DeviceTriggering triggering;
    public final TriggerStore store;
    public final AcceptingSmsc smsc;
    public final TspNotifier notifier;
    public final MtcIwfTspApplication application;
    /** One entry per DNR the procedure sent: completes with the DNA's Result-Code. */
    public final java.util.concurrent.BlockingQueue<CompletableFuture<Long>> dnaResults;

    private MtcIwfFixture(DiameterNode node, DeviceTriggering triggering, TriggerStore store, AcceptingSmsc smsc,
                          TspNotifier notifier, MtcIwfTspApplication application,
                          java.util.concurrent.BlockingQueue<CompletableFuture<Long>> dnaResults) {
        this.dnaResults = dnaResults;
        this.node = node;
        this.triggering = triggering;
        this.store = store;
        this.smsc = smsc;
        this.notifier = notifier;
        this.application = application;
    }

    public static LocalIdentity identity(String host, InetAddress address) {
        return new LocalIdentity(host, realmOf(host), List.of(address), 0, "mtcgate-interop", 1, 1);
    }

    public static String realmOf(String host) {
        return host.substring(host.indexOf('.') + 1);
    }

    /** The policy: the given SCS identities may trigger the meters group over Tsp. */
    static String policy(List<String> scsIdentities) {
        return """
                version: 1
                groups:
                  meters: {external-id-domains: [meters.test], msisdn-prefixes: ["4917010"]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [%s], grants: [{kinds: [trigger], to: [meters]}]}
                """.formatted(String.join(", ", scsIdentities));
    }

    /**
     * Starts the MTC-IWF node with the given configuration (identity, listen address, TLS, peers).
     *
     * @param scsIdentities SCSs the policy and the subscription of {@link #UE_EXT_ID} authorise
     * @param recordSubmitted keep every submitted trigger (tests) or not (benchmark)
     */
    public static MtcIwfFixture start(DiameterNodeConfig config, List<String> scsIdentities, boolean recordSubmitted)
            throws Exception {
        return start(config, scsIdentities, recordSubmitted, new MemoryTriggerStore());
    }

    /** As above with the given trigger store (the benchmark bounds its store). */
    public static MtcIwfFixture start(DiameterNodeConfig config, List<String> scsIdentities, boolean recordSubmitted,
                                      TriggerStore store) throws Exception {
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("interop.yaml", policy(scsIdentities), ListSource.NONE), TimeSource.SYSTEM);
        SubscriberTable hss = new SubscriberTable(List.of(
                new Subscriber(IMSI, Msisdn.of(UE_MSISDN), List.of(ExternalId.of(UE_EXT_ID)), Set.copyOf(scsIdentities),
                        List.of("491720000200")),
                new Subscriber(Imsi.of("262015500000002"), Msisdn.of("491701000002"),
                        List.of(ExternalId.of(OTHER_UE_EXT_ID)), Set.of("scs2.utility.test"), List.of("491720000200"))));
        DiameterNode node = new DiameterNode(config);
        TspNotifier notifier = new TspNotifier(node, MtcIwfFixture::realmOf);
        AcceptingSmsc smsc = new AcceptingSmsc(recordSubmitted);
        java.util.concurrent.BlockingQueue<CompletableFuture<Long>> dnas = new java.util.concurrent.LinkedBlockingQueue<>();
        // The real TspNotifier sends the DNR; the fixture only keeps the stage that completes with the DNA.
        DeviceTriggering triggering = new DeviceTriggering(filter, hss, store, smsc, n -> dnas.add(notifier.send(n)),
                TriggerObserver.NONE, TriggerLimits.DEFAULT, Clock.systemUTC());
        MtcIwfTspApplication app = new MtcIwfTspApplication(triggering, true);
        node.registerHandler(ApplicationIds.TSP, app).start();
        return new MtcIwfFixture(node, triggering, store, smsc, notifier, app, dnas);
    }

    @Override
    public void close() {
        node.close();
    }
}

package org.mtcgate.diameter.attack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.peer.PeerSecurityListener;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.diameter.t4.SmsScT4Application;
import org.mtcgate.diameter.t4.SmsScTriggers;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerObserver;
import org.mtcgate.filter.trigger.TriggerSubmitter;

/**
 * The node under attack: one Diameter endpoint over mutual TLS that is an MTC-IWF on Tsp, an HSS on S6m and an
 * SMS-SC on T4, with a peer of every role configured. Its Tsp and S6m handlers only count and answer 2001; its T4
 * handler is the real {@link SmsScT4Application} over a recording engine and a real filter policy. Everything the
 * node refuses for trust reasons arrives in {@link #refusals}; every T4 verdict in {@link #verdicts}.
 */
final class TrustedNode implements AutoCloseable {
    static final String NODE = "iwf.operator.test";
    static final String REALM = "operator.test";
    static final String SCS1 = "scs1.utility.test";
    static final String SCS2 = "scs2.utility.test";
    /** An SCS whose configured name does not follow its realm; the operator paired them explicitly. */
    static final String ODD_SCS = "scs-odd";
    static final String MTC_IWF = "mtc-iwf.partner.test";
    /** An MTC-IWF the policy trusts for ordinary SMs only, not for triggers. */
    static final String MTC_IWF2 = "mtc-iwf2.partner.test";
    /** An MTC-IWF limited by configuration to S6m. */
    static final String MTC_IWF3 = "mtc-iwf3.partner.test";
    /** An MTC-IWF trusted for triggers with a quota of one a day. */
    static final String MTC_IWF4 = "mtc-iwf4.partner.test";
    static final String HSS = "hss.operator.test";
    static final String SMS_SC = "smsc.partner.test";
    static final String POLICY = """
            version: 1
            groups:
              partner-fleet: {imsi-prefixes: ["2620155"], msisdn-prefixes: ["4917010"]}
            senders:
              - {id: partner-iwf, ingress: [t4], identities: [mtc-iwf.partner.test],
                 grants: [{kinds: [trigger], to: [partner-fleet]}]}
              - {id: ordinary-iwf, ingress: [t4], identities: [mtc-iwf2.partner.test], grants: [{kinds: [ordinary], to: all}]}
              - {id: quota-iwf, ingress: [t4], identities: [mtc-iwf4.partner.test], grants: [{kinds: [trigger], to: all}],
                 quota: {max: 1, period: 1d}}
            """;

    final LabCertificateAuthority ca = LabCertificateAuthority.create("attack test CA", Duration.ofDays(1));
    final AtomicInteger tspCalls = new AtomicInteger();
    final AtomicInteger s6mCalls = new AtomicInteger();
    final RecordingEngine engine = new RecordingEngine();
    final SmsScTriggers pending = new SmsScTriggers(100);
    final LinkedBlockingQueue<PeerSecurityListener.RefusedRequest> refusals = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Verdict> verdicts = new LinkedBlockingQueue<>();
    final List<InboundItem> items = new CopyOnWriteArrayList<>();
    final SmsScT4Application smsSc;
    final DiameterNode node;

    TrustedNode() throws Exception {
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("attack-policy.yaml", POLICY, ListSource.NONE), TimeSource.SYSTEM);
        TriggerObserver observer = new TriggerObserver() {
            @Override
            public void verdict(InboundItem item, Verdict verdict) {
                items.add(item);
                verdicts.add(verdict);
            }

            @Override
            public void stateChanged(DeviceTrigger before, DeviceTrigger after) {
            }
        };
        smsSc = new SmsScT4Application(engine, pending, Duration.ofDays(1), Clock.systemUTC(), filter, observer);
        InetAddress lo = InetAddress.getLoopbackAddress();
        node = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(NODE, REALM, lo))
                .listen(new InetSocketAddress(lo, 0))
                .tls(ca.issue(NODE, Duration.ofDays(1)).tlsSettings())
                .peer(PeerConfig.accepting(SCS1, "utility.test", PeerRole.SCS))
                .peer(PeerConfig.accepting(SCS2, "utility.test", PeerRole.SCS))
                .peer(PeerConfig.accepting(ODD_SCS, "utility.test", PeerRole.SCS))
                .peer(PeerConfig.accepting(MTC_IWF, "partner.test", PeerRole.MTC_IWF))
                .peer(PeerConfig.accepting(MTC_IWF2, "partner.test", PeerRole.MTC_IWF))
                .peer(PeerConfig.accepting(MTC_IWF3, "partner.test", PeerRole.MTC_IWF).onlyApplications(Set.of(ApplicationIds.S6M)))
                .peer(PeerConfig.accepting(MTC_IWF4, "partner.test", PeerRole.MTC_IWF))
                .peer(PeerConfig.accepting(HSS, REALM, PeerRole.HSS))
                .peer(PeerConfig.accepting(SMS_SC, "partner.test", PeerRole.SMS_SC))
                .build())
                .registerHandler(ApplicationIds.TSP, counting(tspCalls))
                .registerHandler(ApplicationIds.S6M, counting(s6mCalls))
                .registerHandler(ApplicationIds.T4, smsSc)
                .peerSecurityListener(refusals::add)
                .start();
    }

    /** A handler that counts and answers 2001, echoing the Session-Id (which tells one answer from another). */
    private static DiameterRequestHandler counting(AtomicInteger calls) {
        return (request, ctx) -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(ctx.answer(request, 2001).avp(BaseAvps.authSessionState(1)).build());
        };
    }

    IssuedCredential credential(String host) {
        return ca.issue(host, Duration.ofDays(1));
    }

    /** Connects as {@code host} with its own valid certificate, announcing {@code apps}. */
    AttackPeer connect(String host, String realm, long... apps) throws Exception {
        return AttackPeer.open(node.localAddress(), credential(host), ca.certificate(), host, realm, apps);
    }

    @Override
    public void close() {
        node.close();
    }

    /** The SMS-SC's own engine, as far as these tests care: it records what reached it and takes everything. */
    static final class RecordingEngine implements TriggerSubmitter {
        final List<DeviceTrigger> submitted = new CopyOnWriteArrayList<>();
        final List<DeviceTrigger> recalled = new CopyOnWriteArrayList<>();
        final List<DeviceTrigger> replaced = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            submitted.add(trigger);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger trigger) {
            recalled.add(trigger);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            replaced.add(replacement);
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }
    }
}

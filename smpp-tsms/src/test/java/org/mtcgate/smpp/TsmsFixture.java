package org.mtcgate.smpp;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.smsc.RetryPolicy;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.smsc.StoreAndForward;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A Tsms server on 127.0.0.1 in front of a real SMS-SC (StoreAndForward over an in-memory store, an MT path that
 * delivers at once) and the filter engine with a small policy: SME "tracker" may trigger the trackers, SME
 * "partner" sends ordinary SMs only.
 */
final class TsmsFixture implements AutoCloseable {
    static final String POLICY = """
            version: 1
            defaults:
              ordinary: allow
            groups:
              trackers:
                msisdn-prefixes: ["4917020"]
            senders:
              - id: sme-tracker
                ingress: [tsms]
                identities: ["tracker"]
                grants:
                  - kinds: [trigger]
                    to: [trackers]
                  - kinds: [ordinary]
                    to: all
              - id: sme-partner
                ingress: [tsms]
                identities: ["partner"]
                grants:
                  - kinds: [ordinary]
                    to: all
            """;
    static final String TRACKER_UE = "491702000001";
    static final String OTHER_UE = "491709999999";
    static final String UNKNOWN_UE = "491700000000";

    final MemoryStore store = new MemoryStore();
    final RecordingDelivery delivery = new RecordingDelivery();
    final RecordingObserver observer = new RecordingObserver();
    final StoreAndForward smsc;
    final TsmsServer server;

    TsmsFixture() throws Exception {
        this(List.of(
                new SmeAccount("tracker", TestCredential.of("trk-pw"), List.of(AddressBlock.parse("127.0.0.0/8")),
                        Set.of(BindKind.values()), 100, List.of("4930123456")),
                new SmeAccount("partner", TestCredential.of("prt-pw"), List.of(AddressBlock.parse("127.0.0.1")),
                        Set.of(BindKind.values()), 100, List.of("4930999123")),
                new SmeAccount("slow", TestCredential.of("slow-pw"), List.of(AddressBlock.parse("127.0.0.1")),
                        Set.of(BindKind.TRANSCEIVER), 1, List.of("4930999124")),
                new SmeAccount("faraway", TestCredential.of("far-pw"), List.of(AddressBlock.parse("10.0.0.0/8")),
                        Set.of(BindKind.values()), 100, List.of("4930999125"))));
    }

    TsmsFixture(List<SmeAccount> smes) throws Exception {
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("tsms-test.yaml", POLICY, ListSource.NONE), TimeSource.SYSTEM);
        smsc = new StoreAndForward(store, delivery, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)),
                Clock.systemUTC());
        Map<Msisdn, SmRecipient> subscribers = Map.of(
                Msisdn.of(TRACKER_UE), new SmRecipient(Imsi.of("262015500000001"), Msisdn.of(TRACKER_UE), List.of("491720000002")),
                Msisdn.of(OTHER_UE), new SmRecipient(Imsi.of("262015500000002"), Msisdn.of(OTHER_UE), List.of("491720000002")));
        RoutingInfo routing = msisdn -> CompletableFuture.completedFuture(Optional.ofNullable(subscribers.get(msisdn)));
        server = TsmsServer.start(TsmsSettings.of(new InetSocketAddress("127.0.0.1", 0), null, smes), filter, routing,
                smsc::submit, observer, Clock.systemUTC(), TimeSource.SYSTEM);
        smsc.reportTo(server.outcomes());
    }

    int port() {
        return server.localAddress().getPort();
    }

    /** A scenario for {@link NodeSme}: bind as {@code systemId}, then the submits (JSON objects) in order. */
    String scenario(String systemId, String password, String submits, int receipts) {
        return "{\"host\":\"127.0.0.1\",\"port\":" + port() + ",\"systemId\":\"" + systemId + "\",\"password\":\""
                + password + "\",\"receipts\":" + receipts + ",\"submits\":[" + submits + "]}";
    }

    @Override
    public void close() {
        server.close();
        smsc.close();
    }
}

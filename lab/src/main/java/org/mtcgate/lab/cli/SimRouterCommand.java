package org.mtcgate.lab.cli;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.PolicyFiles;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.router.ForwardOutcome;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.map.smsc.MoForwardSmHandler;
import org.mtcgate.map.smsc.MoObserver;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code mtcgate sim router}: the SMS Router on its own, for labs until the node runs the sms-router role: one
 * signalling point with several peers, the filter policy from a file, correlations in memory. With
 * {@code --mo-service-centre} it also serves the SMS-SC's MO path (accepted SMs are printed).
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "A standalone SMS Router (MAP Home Network Routing) with several M3UA peers; prints one line "
                + "per correlation, forwarded or blocked SM and protocol error. Runs until Ctrl-C.")
final class SimRouterCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gt", required = true, description = "the router's GT (networkNode-Number of its SRI-SM answers)")
    String gt;

    @Option(names = "--pc", defaultValue = "1", description = "own point code (default ${DEFAULT-VALUE})")
    int pointCode;

    @Option(names = "--peer", required = true, paramLabel = "SPEC",
            description = "name=N,role=client|server,local=H:P,remote=H:P,pc=N[,ssn=8+6][,prefixes=P1+P2][,rc=100] (repeatable)")
    List<String> peers;

    @Option(names = "--default-peer", description = "peer for called GTs no prefix matches (e.g. the SMSCs' side)")
    String defaultPeer;

    @Option(names = "--hlr-gt", description = "the HLR's GT (default: address the HLR by the MSISDN)")
    String hlrGt;

    @Option(names = "--home-mcc-mnc", defaultValue = "26201", description = "home MCC+MNC for correlation IDs (default ${DEFAULT-VALUE})")
    String homeMccMnc;

    @Option(names = "--ttl", defaultValue = "60", description = "correlation lifetime in seconds (default ${DEFAULT-VALUE})")
    long ttlSeconds;

    @Option(names = "--capacity", defaultValue = "1000000", description = "most correlations kept (default ${DEFAULT-VALUE})")
    int capacity;

    @Option(names = "--policy", defaultValue = "${sys:mtcgate.home:-.}/config/policy.yaml", description = "filter policy (default ${DEFAULT-VALUE})")
    Path policy;

    @Option(names = "--mo-service-centre", description = "also serve MO-ForwardSM for this SMS-SC address (repeatable)")
    List<String> moServiceCentres = List.of();

    @Option(names = "--name", defaultValue = "sim-router", description = "stack name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--data-dir", defaultValue = "data", description = "where jSS7 keeps its state (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--invoke-timeout-ms", defaultValue = "10000", description = "MAP invoke timer of the router's own dialogs (default ${DEFAULT-VALUE})")
    long invokeTimeoutMillis;

    @Option(names = "--delivery-threads", defaultValue = "0",
            description = "M3UA delivery threads, 0 = jSS7's default (twice the cores) (default ${DEFAULT-VALUE})")
    int deliveryThreads;

    @Option(names = "--quiet", description = "print start, stop and counters only")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        FilterEngine filter;
        Ss7StackConfig config;
        try {
            filter = new FilterEngine(PolicyFiles.load(policy, new LimiterRegistry(), TimeSource.SYSTEM), TimeSource.SYSTEM);
            Ss7StackConfig.Builder b = Ss7StackConfig.builder().name(name).dataDir(dataDir).localPointCode(pointCode)
                    .localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR).localGlobalTitle(gt)
                    .timeouts(invokeTimeoutMillis, 2 * invokeTimeoutMillis).defaultPeer(defaultPeer)
                    .deliveryThreads(deliveryThreads);
            for (String p : peers) {
                b.peer(PeerSpec.parse(p));
            }
            config = b.build();
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            out.line("router: FAILED: " + e.getMessage());
            return 1;
        }
        Ss7Stack stack = Ss7Stack.assemble(config);
        SmsRouter router = SmsRouter.attach(stack, RouterConfig.of(gt, hlrGt, homeMccMnc, Duration.ofSeconds(ttlSeconds)),
                filter, new MemoryCorrelationStore(capacity), Clock.systemUTC(), quiet ? RouterObserver.NONE : printing(out));
        MoForwardSmHandler mo = moServiceCentres.isEmpty() ? null : MoForwardSmHandler.attach(stack, filter, sm -> {
            if (!quiet) {
                out.line("router: MO SM from " + sm.originator() + " to " + sm.submit().destinationAddress().value()
                        + " accepted for SMS-SC " + sm.serviceCentre());
            }
            return CompletableFuture.completedFuture(null);
        }, quiet ? MoObserver.NONE : new MoObserver() {
            @Override
            public void blocked(InboundItem item, Verdict verdict) {
                out.line("router: MO BLOCKED " + item.describe() + ": " + verdict);
            }

            @Override
            public void protocolError(ProtocolError error, String detail) {
                out.line("router: MO " + error.counterName() + ": " + detail);
            }
        }, Set.copyOf(moServiceCentres));
        stack.connect();
        out.line("router " + gt + " (PC " + pointCode + "), policy " + policy + " (digest " + filter.policy().digest()
                + "), HLR " + (hlrGt != null ? hlrGt : "by MSISDN") + ", correlation TTL " + ttlSeconds + " s"
                + (mo == null ? "" : ", MO for " + moServiceCentres));
        for (RemotePeer p : config.peers()) {
            out.line("  peer " + p.name() + ": " + p.role() + " " + p.localHost() + ":" + p.localPort() + " <-> "
                    + p.remoteHost() + ":" + p.remotePort() + ", PC " + p.pointCode() + ", SSN " + p.ssns()
                    + ", GT prefixes " + p.gtPrefixes() + (p.name().equals(config.defaultPeer()) ? " (default)" : ""));
            stack.active(p.name()).thenRun(() -> out.line("router: peer " + p.name() + " up"));
        }
        out.line("Ctrl-C stops");
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "router-correlation-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(router::expireCorrelations, 5, 5, TimeUnit.SECONDS);
        SimStackOptions.runUntilStopped(stack, () -> {
            sweeper.shutdownNow();
            out.line("router: stopping; " + router.counters());
            if (mo != null) {
                out.line("router: MO " + mo.counters());
            }
        });
        return 0;
    }

    private static RouterObserver printing(SimLines out) {
        return new RouterObserver() {
            @Override
            public void correlationCreated(Correlation c) {
                out.line("router: SRI-SM for " + c.msisdn() + " from " + c.smscAddress() + ": IMSI " + c.imsi().masked()
                        + " hidden as " + c.id() + " (MSC " + c.mscNumber() + ", SGSN " + c.sgsnNumber() + ")");
            }

            @Override
            public void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
                out.line("router: forwarded " + item.describe() + " [" + verdict.ruleId() + "]: " + outcome.result()
                        + (outcome.mapErrorCode() >= 0 ? " " + outcome.mapErrorCode() : "") + " from " + outcome.servingNode());
            }

            @Override
            public void smBlocked(InboundItem item, Verdict verdict) {
                out.line("router: BLOCKED " + item.describe() + ": " + verdict);
            }

            @Override
            public void protocolError(ProtocolError error, String detail) {
                out.line("router: " + error.counterName() + ": " + detail);
            }
        };
    }
}

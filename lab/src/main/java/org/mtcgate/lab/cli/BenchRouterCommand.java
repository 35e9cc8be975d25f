package org.mtcgate.lab.cli;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.routing.MemoryCorrelationStore;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.RouterCounters;
import org.mtcgate.map.router.RouterObserver;
import org.mtcgate.map.router.SmsRouter;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.MtForwardSmLoad;
import org.mtcgate.lab.map.RouterLab;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.lab.map.UnansweredDialogGuard;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code mtcgate bench router}: SMS per second through the SMS Router, all on this machine in one JVM: a foreign
 * SMSC stack sends SRI-for-SM then MT-ForwardSM for each SM, with N in flight, to the router stack, which asks the
 * HLR stack, filters and forwards to the MSC stack (four jSS7 stacks over M3UA/TCP on loopback). Then, as the
 * reference, raw jSS7 MT-ForwardSM dialogs between two stacks.
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "SMS/s through the SMS Router (SMSC -> SRI-SM + MT-FSM -> router -> HLR, MSC), p50/p99, heap; "
                + "then raw jSS7 MT-ForwardSM dialogs/s between two stacks as the reference.")
final class BenchRouterCommand implements Callable<Integer> {
    private static final double TARGET_SMS_PER_SECOND = 5_000;
    private static final double TARGET_P99_MILLIS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    // Longer than the correlation TTL: the first heap reading then sees as many correlations as the rest will, so
    // "heap flat" compares like with like.
    @Option(names = "--warmup", defaultValue = "20", description = "warm-up seconds, not counted; more than --ttl (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--in-flight", defaultValue = "16", description = "SMs in flight (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--delivery-threads", defaultValue = "0",
            description = "M3UA delivery threads of the router's stack, 0 = jSS7's default of twice the cores, as in the node (default ${DEFAULT-VALUE})")
    int deliveryThreads;

    // The simulators are load generators in the router's JVM: with jSS7's default each of the four would start
    // twice the cores in delivery threads, and on a small machine they would take the router's cores from it.
    @Option(names = "--peer-delivery-threads", defaultValue = "1",
            description = "M3UA delivery threads of each simulated peer's stack (SMSC, HLR, MSC), 0 = jSS7's default (default ${DEFAULT-VALUE})")
    int peerDeliveryThreads;

    @Option(names = "--ues", defaultValue = "10000", description = "subscribers at the HLR (default ${DEFAULT-VALUE})")
    int ues;

    @Option(names = "--ttl", defaultValue = "10", description = "correlation TTL in seconds; expired ones are swept every second (default ${DEFAULT-VALUE})")
    int ttlSeconds;

    @Option(names = "--progress", description = "every 5 s: SMS/s, TCAP dialogs open in each stack, correlations held")
    boolean progress;

    @Option(names = "--reference-seconds", defaultValue = "20", description = "seconds of the raw jSS7 reference, 0 to skip (default ${DEFAULT-VALUE})")
    int referenceSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mtcgate-bench-router");
        try {
            RouterRun run = runRouter(dir.resolve("router"), out);
            MtForwardSmLoad.Result reference = null;
            if (referenceSeconds > 0) {
                out.println("reference: raw jSS7 MT-ForwardSM dialogs between two stacks for " + referenceSeconds + " s ...");
                out.flush();
                reference = MtForwardSmLoad.measure(dir.resolve("reference"), Duration.ofSeconds(5),
                        Duration.ofSeconds(referenceSeconds), inFlight, deliveryThreads);
            }
            print(out, run, reference);
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private record RouterRun(long sms, double seconds, Map<String, Long> failures, Histogram latency,
                             long heapStart, long heapMiddle, long heapEnd, int[] correlationsAtHeapReadings,
                             long deliveredAtMsc, RouterCounters.Snapshot counters, int correlationsHeld) {
    }

    private RouterRun runRouter(Path dataDir, PrintWriter out) throws Exception {
        try (RouterLab lab = RouterLab.assemble(dataDir, 10_000, deliveryThreads, peerDeliveryThreads)) {
            HlrPeer hlr = new HlrPeer(lab.hlr);
            for (int i = 0; i < ues; i++) {
                hlr.provision(msisdn(i), new HlrPeer.Subscription(String.format("2620155%08d", i), RouterLab.MSC_GT));
            }
            LongAdder atMsc = new LongAdder();
            new MscPeer(lab.msc, (imsi, sm) -> atMsc.increment(), false);
            UnansweredDialogGuard.attach(lab.hlr);
            UnansweredDialogGuard.attach(lab.msc);
            MemoryCorrelationStore store = new MemoryCorrelationStore(5_000_000);
            SmsRouter router = SmsRouter.attach(lab.router, RouterConfig.of(RouterLab.ROUTER_GT, RouterLab.HLR_GT,
                    "26201", Duration.ofSeconds(ttlSeconds)), filter(), store, Clock.systemUTC(), RouterObserver.NONE);
            SmscPeer smsc = new SmscPeer(lab.smsc);
            lab.connect(30, TimeUnit.SECONDS);
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-correlation-sweep");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(router::expireCorrelations, 1, 1, TimeUnit.SECONDS);
            if (progress) {
                long[] last = {0, System.nanoTime()};
                sweeper.scheduleWithFixedDelay(() -> {
                    long now = System.nanoTime();
                    long done = atMsc.sum();
                    out.printf("  %,6.0f SMS/s; TCAP dialogs: router %,d, SMSC %,d, HLR %,d, MSC %,d; correlations %,d%n",
                            (done - last[0]) / ((now - last[1]) / 1e9), lab.router.tcapDialogs(), lab.smsc.tcapDialogs(),
                            lab.hlr.tcapDialogs(), lab.msc.tcapDialogs(), store.size());
                    out.flush();
                    last[0] = done;
                    last[1] = now;
                }, 5, 5, TimeUnit.SECONDS);
            }
            try {
                byte[] tpdu = TpduCodec.encode(new SmsDeliver(false, false, false, false,
                        SmsAddress.international("4930123456"), 0x00, 0x00,
                        new ServiceCentreTimeStamp(26, 11, 22, 13, 0, 0, 4), UserData.gsm7(null, "bench")));
                out.println("router: warming up for " + warmup + " s with " + inFlight + " SMs in flight ...");
                out.flush();
                Load load = new Load(smsc, tpdu);
                load.run(Duration.ofSeconds(warmup), null);
                long heapStart = heapAfterGc();
                int heldAtStart = store.size();
                long deliveredBefore = atMsc.sum();
                RouterCounters.Snapshot before = router.counters();
                ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3);
                Map<String, Long> failures = new ConcurrentHashMap<>();
                out.println("router: measuring for " + seconds + " s (heap is read after GC at the start, between the "
                        + "two halves with nothing in flight, and at the end) ...");
                out.flush();
                long[] first = load.run(Duration.ofSeconds(seconds / 2), latency, failures);
                long heapMiddle = heapAfterGc();
                int heldAtMiddle = store.size();
                long[] second = load.run(Duration.ofSeconds(seconds - seconds / 2), latency, failures);
                long heapEnd = heapAfterGc();
                int heldAtEnd = store.size();
                RouterCounters.Snapshot after = router.counters();
                RouterCounters.Snapshot delta = new RouterCounters.Snapshot(after.sriReceived() - before.sriReceived(),
                        after.correlationsCreated() - before.correlationsCreated(), after.hlrErrors() - before.hlrErrors(),
                        after.mtReceived() - before.mtReceived(), after.blocked() - before.blocked(),
                        after.delivered() - before.delivered(), after.deliveryErrors() - before.deliveryErrors(),
                        after.otherNodeTried() - before.otherNodeTried(), after.protocolErrors());
                return new RouterRun(first[0] + second[0], (first[1] + second[1]) / 1e9, Map.copyOf(failures), latency,
                        heapStart, heapMiddle, heapEnd, new int[] {heldAtStart, heldAtMiddle, heldAtEnd},
                        atMsc.sum() - deliveredBefore, delta, store.size());
            } finally {
                sweeper.shutdownNow();
            }
        }
    }

    /** Keeps {@code inFlight} SMs (SRI-SM then MT-ForwardSM each) open for a while. */
    private final class Load {
        private final SmscPeer smsc;
        private final byte[] tpdu;
        private final AtomicLong next = new AtomicLong();

        Load(SmscPeer smsc, byte[] tpdu) {
            this.smsc = smsc;
            this.tpdu = tpdu;
        }

        void run(Duration duration, Histogram latency) throws InterruptedException {
            run(duration, latency, new ConcurrentHashMap<>());
        }

        /** Returns {SMs started, nanoseconds from the first send until the last answer}. */
        long[] run(Duration duration, Histogram latency, Map<String, Long> failures) throws InterruptedException {
            Semaphore window = new Semaphore(inFlight);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long count = 0;
            while (System.nanoTime() < end) {
                window.acquire();
                String msisdn = msisdn((int) (next.getAndIncrement() % ues));
                long sent = System.nanoTime();
                smsc.sendRoutingInfoForSm(msisdn, msisdn)
                        .thenCompose(routing -> smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu, false))
                        .whenComplete((ok, failure) -> {
                            if (latency != null) {
                                latency.recordValue(Math.min(System.nanoTime() - sent, latency.getHighestTrackableValue()));
                            }
                            if (failure != null) {
                                failures.merge(MapErrorNames.describe(failure), 1L, Long::sum);
                            }
                            window.release();
                        });
                count++;
            }
            if (!window.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("SMs still open two minutes after the run");
            }
            return new long[] {count, System.nanoTime() - start};
        }
    }

    private void print(PrintWriter out, RouterRun r, MtForwardSmLoad.Result reference) {
        double rate = r.sms() / r.seconds();
        double p50 = r.latency().getValueAtPercentile(50) / 1e6;
        double p99 = r.latency().getValueAtPercentile(99) / 1e6;
        long failed = r.failures().values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.println("== SMS Router: foreign SMSC -> SRI-for-SM + MT-ForwardSM -> router -> HLR, MSC");
        out.println("   (jSS7 stacks for the router, SMSC, HLR and MSC, M3UA over TCP on loopback, one JVM, "
                + Runtime.getRuntime().availableProcessors() + " cores; M3UA delivery threads: router "
                + (deliveryThreads == 0 ? "jSS7's default" : String.valueOf(deliveryThreads)) + ", each peer "
                + (peerDeliveryThreads == 0 ? "jSS7's default" : String.valueOf(peerDeliveryThreads))
                + "; GC " + gcNames() + "; each SM = 2 dialogs in and 2 out at the router)");
        out.printf("SMS: %,d in %.1f s = %,.0f SMS/s, %d in flight, failures %,d%s%n", r.sms(), r.seconds(), rate,
                inFlight, failed, r.failures().isEmpty() ? "" : " " + r.failures());
        out.printf("SM latency (SRI-SM sent -> MT-ForwardSM result): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", p50, p99,
                r.latency().getMaxValue() / 1e6);
        out.printf("delivered at the MSC: %,d; router counters: %,d SRI-SM, %,d correlations, %,d MT-FSM, %,d delivered, "
                        + "%,d blocked, %,d delivery errors; correlations held at the end: %,d (TTL %d s)%n",
                r.deliveredAtMsc(), r.counters().sriReceived(), r.counters().correlationsCreated(), r.counters().mtReceived(),
                r.counters().delivered(), r.counters().blocked(), r.counters().deliveryErrors(), r.correlationsHeld(),
                ttlSeconds);
        int[] held = r.correlationsAtHeapReadings();
        out.printf("heap used after GC: start %.1f MB, middle %.1f MB, end %.1f MB (live correlations then: %,d, %,d, "
                        + "%,d; each is kept for the TTL by design)%n", r.heapStart() / 1e6, r.heapMiddle() / 1e6,
                r.heapEnd() / 1e6, held[0], held[1], held[2]);
        if (reference != null) {
            out.println("== reference: raw jSS7 MT-ForwardSM dialogs between two stacks (same machine, same in flight)");
            out.printf("dialogs: %,d in %.1f s = %,.0f dialogs/s, failures %,d; latency p50 %.2f ms, p99 %.2f ms%n",
                    reference.dialogs(), reference.seconds(), reference.perSecond(), reference.failures(),
                    reference.percentileMillis(50), reference.percentileMillis(99));
            out.printf("router SMS/s x 4 dialogs = %,.0f dialogs/s handled by the router = %.0f%% of the raw two-stack rate%n",
                    rate * 4, 100 * rate * 4 / reference.perSecond());
        }
        out.printf("targets: >= %,.0f SMS/s %s, p99 <= %.0f ms %s%n", TARGET_SMS_PER_SECOND,
                rate >= TARGET_SMS_PER_SECOND ? "met" : "MISSED", TARGET_P99_MILLIS,
                p99 <= TARGET_P99_MILLIS ? "met" : "MISSED");
        out.flush();
    }

    private static String msisdn(int i) {
        return String.format("4917010%06d", i);
    }

    private static FilterEngine filter() throws Exception {
        String policy = """
                version: 1
                defaults: {ordinary: allow}
                home-network: {trigger-sms-sc: ["491720000100"], ota-platforms: ["491729990000"]}
                """;
        return new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("bench-policy.yaml", policy, ListSource.NONE), TimeSource.SYSTEM);
    }

    private static String gcNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
                .reduce((a, b) -> a + "/" + b).orElse("?");
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temp folder left behind is harmless.
        }
    }
}

package org.mtcgate.lab.cli;

import org.mtcgate.core.store.JournalHeldSmStore;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.MessageWaiting;
import org.mtcgate.filter.smsc.NodeDelivery;
import org.mtcgate.filter.smsc.RetryPolicy;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.filter.smsc.ServingNodeDelivery;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.MtForwardSmLoad;
import org.mtcgate.lab.map.StackPair;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.smsc.MapMtDelivery;
import org.mtcgate.map.smsc.MtForwardSmSender;
import org.mtcgate.map.smsc.SmsDeliverTpdu;
import org.mtcgate.map.stack.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code mtcgate bench smsc}: MT deliveries per second through the SMS-SC's store and forward, all in one JVM: SMs
 * are submitted to a {@link StoreAndForward} over the node's journal store, encoded as SMS-DELIVERs and sent with
 * MT-ForwardSM by the MAP path to an MSC stack (two jSS7 stacks over M3UA/TCP on loopback); the latency runs from
 * submit to the final outcome. Then, as the reference, raw jSS7 MT-ForwardSM dialogs between two stacks.
 */
@Command(name = "smsc", mixinStandardHelpOptions = true,
        description = "MT SMs/s through the SMS-SC (submit -> journal store -> MAP MT-ForwardSM -> MSC stack -> outcome), "
                + "p50/p99; then raw jSS7 MT-ForwardSM dialogs/s between two stacks as the reference.")
final class BenchSmscCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--in-flight", defaultValue = "64",
            description = "SMs submitted and not yet reported at once (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--payload", defaultValue = "8",
            description = "trigger payload octets; above 133 each SM goes as a concatenated SM (default ${DEFAULT-VALUE})")
    int payload;

    @Option(names = "--fsync", description = "force each store commit to disk, as sms-sc.fsync: true does")
    boolean fsync;

    @Option(names = "--path", defaultValue = "map",
            description = "map: MT-ForwardSM to an MSC stack over M3UA; sgd: TFR to an MME over Diameter (default ${DEFAULT-VALUE})")
    String path;

    /** UEs the SMs cycle through (the lab MME serves a set it is given). */
    private static final int UES = 1_000;
    private static final String MME = "mme1.bench.test";

    @Override
    public Integer call() throws Exception {
        if (path.equals("sgd")) {
            return sgd();
        }
        if (!path.equals("map")) {
            spec.commandLine().getErr().println("mtcgate bench smsc: --path is map or sgd, not '" + path + "'");
            return 2;
        }
        var out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mtcgate-bench-smsc");
        Result r;
        try (StackPair stacks = StackPair.assemble(dir.resolve("ss7"), Transport.TCP, 1)) {
            new MscPeer(stacks.network, (imsi, sm) -> { }, false);
            stacks.connect(20, TimeUnit.SECONDS);
            MapClient client = MapClient.attach(stacks.gateway.mapProvider(), 10_000, 0);
            NodeDelivery map = new MapMtDelivery(new MtForwardSmSender(client, StackPair.GATEWAY_GT, StackPair.GATEWAY_GT));
            try (JournalHeldSmStore store = JournalHeldSmStore.open(dir.resolve("smsc"), fsync);
                 StoreAndForward smsc = new StoreAndForward(store, new ServingNodeDelivery(
                         new SmsDeliverTpdu("491720000999", Clock.systemUTC()), Map.of(ServingNode.Kind.MSC, map),
                         MessageWaiting.NONE), RetryPolicy.DEFAULT, Clock.systemUTC(), Math.max(1, inFlight))) {
                Load load = new Load(smsc, payload, List.of(StackPair.MSC_GT));
                out.printf("warm-up %d s ...%n", warmup);
                load.run(inFlight, Duration.ofSeconds(warmup), null);
                r = load.run(inFlight, Duration.ofSeconds(seconds), new long[Math.max(1_000_000, seconds * 50_000)]);
            } finally {
                client.detach();
            }
        }
        out.printf("SMS-SC MT over MAP: %,d SMs (%d octets, %d segment%s each) in %.1f s = %,.0f SMs/s, in flight %d, "
                        + "p50 %.2f ms, p99 %.2f ms, not delivered %d, fsync %s%n",
                r.done, payload, segments(payload), segments(payload) == 1 ? "" : "s", r.seconds, r.done / r.seconds,
                inFlight, r.percentile(50), r.percentile(99), r.failed, fsync);
        out.printf("reference, raw jSS7 MT-ForwardSM dialogs ...%n");
        MtForwardSmLoad.Result ref = MtForwardSmLoad.measure(dir.resolve("ref"), Duration.ofSeconds(Math.min(warmup, 5)),
                Duration.ofSeconds(seconds), inFlight, 1);
        out.printf("reference jSS7 MT-ForwardSM: %,.0f dialogs/s, p50 %.2f ms, p99 %.2f ms, failures %d%n",
                ref.perSecond(), ref.percentileMillis(50), ref.percentileMillis(99), ref.failures());
        out.printf("SMS-SC / raw dialogs: %.2f (dialogs per SM: %d)%n",
                r.done * segments(payload) / r.seconds / ref.perSecond(), segments(payload));
        return r.failed == 0 ? 0 : 1;
    }

    /**
     * The SGd path: the SMS-SC's store and forward over {@code SgdMtDelivery} to the lab MME, two Diameter nodes of
     * the project's own stack on loopback (plain TCP, as TLS is measured by bench-tsp); then, as the reference, TFR/TFA
     * round trips straight through {@code SgdMtDelivery} without the store, with the same number in flight.
     */
    private Integer sgd() throws Exception {
        var out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mtcgate-bench-smsc");
        java.util.Set<Imsi> ues = new java.util.HashSet<>();
        for (int i = 0; i < UES; i++) {
            ues.add(ue(i));
        }
        java.net.InetAddress lo = java.net.InetAddress.getLoopbackAddress();
        org.mtcgate.lab.mme.SimulatedMme mme = new org.mtcgate.lab.mme.SimulatedMme(ues, java.util.Set.of(), l -> { }, false);
        try (org.mtcgate.diameter.peer.DiameterNode mmeNode = new org.mtcgate.diameter.peer.DiameterNode(
                org.mtcgate.diameter.peer.DiameterNodeConfig.builder(org.mtcgate.diameter.peer.LocalIdentity.of(MME, "bench.test", lo))
                        .listen(new java.net.InetSocketAddress(lo, 0)).insecureLab(true)
                        .peer(org.mtcgate.diameter.peer.PeerConfig.accepting("smsc.bench.test", "bench.test",
                                org.mtcgate.diameter.peer.PeerRole.SMS_SC)).build())
                .registerHandler(org.mtcgate.diameter.dictionary.ApplicationIds.SGD, mme).start();
             org.mtcgate.diameter.peer.DiameterNode smscNode = new org.mtcgate.diameter.peer.DiameterNode(
                     org.mtcgate.diameter.peer.DiameterNodeConfig.builder(org.mtcgate.diameter.peer.LocalIdentity.of("smsc.bench.test", "bench.test", lo))
                             .insecureLab(true).peer(org.mtcgate.diameter.peer.PeerConfig.connecting(MME, "bench.test",
                                     mmeNode.localAddress(), org.mtcgate.diameter.peer.PeerRole.MME)).build())
                     .supportApplication(org.mtcgate.diameter.dictionary.ApplicationIds.SGD).start()) {
            smscNode.whenPeerOpen(MME).get(20, TimeUnit.SECONDS);
            org.mtcgate.diameter.sgd.SgdMtDelivery sgd = new org.mtcgate.diameter.sgd.SgdMtDelivery(smscNode, "491720000100", Clock.systemUTC());
            Result r;
            try (JournalHeldSmStore store = JournalHeldSmStore.open(dir.resolve("smsc"), fsync);
                 StoreAndForward smsc = new StoreAndForward(store, new ServingNodeDelivery(
                         new SmsDeliverTpdu("491720000999", Clock.systemUTC()), Map.of(ServingNode.Kind.MME, sgd),
                         MessageWaiting.NONE), RetryPolicy.DEFAULT, Clock.systemUTC(), Math.max(1, inFlight))) {
                Load load = new Load(smsc, payload, List.of("mme:" + MME));
                out.printf("warm-up %d s ...%n", warmup);
                load.run(inFlight, Duration.ofSeconds(warmup), null);
                r = load.run(inFlight, Duration.ofSeconds(seconds), new long[Math.max(1_000_000, seconds * 50_000)]);
            }
            out.printf("SMS-SC MT over SGd: %,d SMs (%d octets, %d segment%s each) in %.1f s = %,.0f SMs/s, in flight %d, "
                            + "p50 %.2f ms, p99 %.2f ms, not delivered %d, fsync %s%n",
                    r.done, payload, segments(payload), segments(payload) == 1 ? "" : "s", r.seconds, r.done / r.seconds,
                    inFlight, r.percentile(50), r.percentile(99), r.failed, fsync);
            out.printf("reference, TFR/TFA straight through the SGd client (no store) ...%n");
            Result ref = direct(sgd, inFlight, Duration.ofSeconds(seconds));
            out.printf("reference SGd TFR/TFA: %,.0f round trips/s, p50 %.2f ms, p99 %.2f ms, failures %d%n",
                    ref.done / ref.seconds, ref.percentile(50), ref.percentile(99), ref.failed);
            out.printf("SMS-SC / raw TFR: %.2f%n", r.done * segments(payload) / r.seconds / (ref.done / ref.seconds));
            return r.failed == 0 ? 0 : 1;
        }
    }

    /** One-segment TFRs through the SGd client with {@code inFlight} outstanding, for {@code duration}. */
    private Result direct(org.mtcgate.diameter.sgd.SgdMtDelivery sgd, int inFlight, Duration duration) throws Exception {
        byte[] tpdu = new SmsDeliverTpdu("491720000999", Clock.systemUTC()).encode(HeldSm.held(new SmId("ref", 0),
                new SmRecipient(ue(0), null, List.of()), new ShortMessage(0x48, 0x04, 9200, false, new byte[payload]),
                Instant.now(), Instant.now().plusSeconds(60))).get(0);
        ServingNode node = new ServingNode(ServingNode.Kind.MME, MME);
        long[] latencies = new long[Math.max(1_000_000, (int) duration.toSeconds() * 50_000)];
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int started = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end && started < latencies.length) {
            window.acquire();
            int index = started++;
            long sent = System.nanoTime();
            sgd.deliver(ue(index % UES), node, List.of(tpdu)).whenComplete((a, e) -> {
                latencies[index] = System.nanoTime() - sent;
                if (e != null || a.result() != org.mtcgate.filter.smsc.DeliveryAttempt.Result.DELIVERED) {
                    failed.incrementAndGet();
                }
                done.incrementAndGet();
                window.release();
            });
        }
        window.acquire(inFlight);
        window.release(inFlight);
        double secs = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, started);
        Arrays.sort(sorted);
        return new Result(done.get(), failed.get(), secs, sorted);
    }

    private static Imsi ue(long i) {
        return Imsi.of(String.format("26201%010d", i % UES));
    }

    private static int segments(int payload) {
        return payload <= 133 ? 1 : (payload + 126) / 127;
    }

    /** SMs reported, not delivered, seconds, sorted latencies (ns). */
    record Result(int done, int failed, double seconds, long[] sorted) {
        double percentile(double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100.0))] / 1e6;
        }
    }

    /** Submits SMs to distinct UEs with a bounded number outstanding; each completes with its reported outcome. */
    static final class Load {
        private final StoreAndForward smsc;
        private final byte[] userData;
        private final Map<SmId, CompletableFuture<SmOutcome>> waiting = new ConcurrentHashMap<>();
        private final List<String> nodes;
        private long next;

        Load(StoreAndForward smsc, int payload, List<String> nodes) {
            this.smsc = smsc;
            this.nodes = nodes;
            this.userData = new byte[payload];
            Arrays.fill(userData, (byte) 0x5A);
            smsc.reportTo((id, outcome) -> {
                CompletableFuture<SmOutcome> f = waiting.remove(id);
                if (f != null) {
                    f.complete(outcome);
                }
                return CompletableFuture.completedFuture(f != null);
            });
        }

        Result run(int inFlight, Duration duration, long[] latencies) throws InterruptedException {
            Semaphore window = new Semaphore(inFlight);
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            int started = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end && (latencies == null || started < latencies.length)) {
                window.acquire();
                long ref = next++;
                int index = started++;
                SmId id = new SmId("bench", ref);
                CompletableFuture<SmOutcome> outcome = new CompletableFuture<>();
                waiting.put(id, outcome);
                Instant now = Instant.now();
                long sent = System.nanoTime();
                HeldSm sm = HeldSm.held(id, new SmRecipient(ue(ref), null, nodes),
                        new ShortMessage(0x48, 0x04, 9200, false, userData), now, now.plusSeconds(60));
                smsc.submit(sm).thenCompose(r -> r.isAccepted() ? outcome : CompletableFuture.completedFuture(SmOutcome.UNDELIVERABLE))
                        .whenComplete((o, e) -> {
                            if (latencies != null) {
                                latencies[index] = System.nanoTime() - sent;
                            }
                            if (o != SmOutcome.DELIVERED) {
                                failed.incrementAndGet();
                            }
                            done.incrementAndGet();
                            window.release();
                        });
            }
            window.acquire(inFlight);
            window.release(inFlight);
            double secs = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies == null ? new long[0] : Arrays.copyOf(latencies, started);
            Arrays.sort(sorted);
            return new Result(done.get(), failed.get(), secs, sorted);
        }
    }
}

package org.mtcgate.lab.cli;

import org.HdrHistogram.Histogram;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.lab.gba.GbaUe;
import org.mtcgate.lab.gba.UbClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code mtcgate bench gba-ua}: GBA bootstraps per second over Ub. One node (roles hss and bsf) from a generated
 * config, N UE workers each with its own HTTPS connection and its own share of the subscribers, each running full
 * bootstraps (GET, 401 with RAND and AUTN, USIM, GET with RES, 200 with the B-TID, rspauth checked) back to back.
 * Every bootstrap takes a fresh vector, so SEQ_HE is written durably at the HSS each time. Prints bootstraps per
 * second and the bootstrap's latency p50/p99.
 */
@Command(name = "gba-ua", mixinStandardHelpOptions = true,
        description = "GBA bootstraps per second over Ub (HTTPS, HTTP Digest AKA) against one node with roles hss and bsf; "
                + "latency p50/p99 of a whole bootstrap.")
final class BenchGbaUaCommand implements Callable<Integer> {
    static final String BSF = "bsf.bench.test";
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--ues", defaultValue = "8", description = "UE workers, one connection each (default ${DEFAULT-VALUE})")
    int ues;

    @Option(names = "--subscribers", defaultValue = "1000", description = "subscribers in the HSS (default ${DEFAULT-VALUE})")
    int subscribers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || warmup < 0 || ues < 1 || ues > 256 || subscribers < ues) {
            spec.commandLine().getErr().println("bench gba-ua: --seconds >= 1, --warmup >= 0, --ues 1..256, --subscribers >= --ues");
            return 2;
        }
        Path dir = Files.createTempDirectory("mtcgate-bench-gba-ua");
        writeFiles(dir);
        ExecutorService workers = Executors.newFixedThreadPool(ues);
        try (Node node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC())) {
            URI ub = URI.create("https://127.0.0.1:" + node.ubAddress().orElseThrow().getPort() + "/");
            out.printf("%d CPUs, %s %s; %d UEs, one connection each, %d subscribers%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), ues, subscribers);
            out.println("warming up for " + warmup + " s ...");
            out.flush();
            List<Worker> all = new ArrayList<>();
            for (int w = 0; w < ues; w++) {
                all.add(new Worker(new UbClient(ub, dir.resolve("pki/ca.crt"), BSF), w));
            }
            run(workers, all, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup), null);
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            LongAdder failed = new LongAdder();
            long t0 = System.nanoTime();
            long done = run(workers, all, t0 + TimeUnit.SECONDS.toNanos(seconds), latency, failed);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            out.println();
            out.println("== Ub bootstrap (GET -> 401 -> USIM -> GET with RES -> 200, rspauth checked; a fresh vector each)");
            out.printf("bootstrapped %,d in %.2f s: %,.0f per second; failed %,d%n", done, elapsed, done / elapsed, failed.sum());
            out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
            List<String> lines = new ArrayList<>();
            node.stats(lines::add);
            out.printf("node: %s%n", String.join("; ", lines.stream().filter(l -> l.startsWith("bsf")).toList()));
        } finally {
            workers.shutdownNow();
            deleteTree(dir);
        }
        return 0;
    }

    private long run(ExecutorService pool, List<Worker> all, long until, Histogram latency) throws Exception {
        return run(pool, all, until, latency, new LongAdder());
    }

    private long run(ExecutorService pool, List<Worker> all, long until, Histogram latency, LongAdder failed) throws Exception {
        List<Future<Long>> running = new ArrayList<>();
        for (Worker w : all) {
            running.add(pool.submit(() -> w.runUntil(until, latency, failed)));
        }
        long total = 0;
        for (Future<Long> f : running) {
            total += f.get(until - System.nanoTime() + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS);
        }
        return total;
    }

    /** One UE connection bootstrapping its own subscribers in turn, each USIM's SQN state kept between bootstraps. */
    private final class Worker {
        private final UbClient client;
        private final List<GbaUe> usims = new ArrayList<>();
        private final List<UsimSequenceState> states = new ArrayList<>();
        private int next;

        Worker(UbClient client, int index) {
            this.client = client;
            for (int s = index; s < subscribers; s += ues) {
                usims.add(new GbaUe(new AkaCredentials(new Impi(impi(s)), SubscriberKey.ofHex(K), OpC.ofHex(OPC)), client));
                states.add(UsimSequenceState.initial());
            }
        }

        long runUntil(long until, Histogram latency, LongAdder failed) {
            long n = 0;
            while (System.nanoTime() < until) {
                int i = next;
                next = (next + 1) % usims.size();
                long t = System.nanoTime();
                try {
                    GbaUe.Bootstrapped b = usims.get(i).bootstrap(states.get(i));
                    states.set(i, b.usim());
                    n++;
                    if (latency != null) {
                        synchronized (latency) {
                            latency.recordValue(Math.min(System.nanoTime() - t, latency.getHighestTrackableValue()));
                        }
                    }
                } catch (Exception e) {
                    failed.increment();
                }
            }
            return n;
        }
    }

    static String impi(int s) {
        return String.format("2620155%08d@ims.mnc001.mcc262.3gppnetwork.org", s);
    }

    private void writeFiles(Path dir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        StringBuilder subs = new StringBuilder("subscribers:\n");
        for (int i = 0; i < subscribers; i++) {
            subs.append(String.format("  - {imsi: \"2620155%08d\", impi: \"%s\", k: \"%s\", opc: \"%s\"}%n", i, impi(i), K, OPC));
        }
        Files.writeString(dir.resolve("subscribers.yaml"), subs);
        // the bench is one source hammering on purpose: the flood limits are opened wide
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bench-gba-ua, data-dir: data}
                roles: [hss, bsf]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter: {identity: hss.bench.test, listen: 127.0.0.1:0, insecure-lab: true}
                bsf:
                  listen: 127.0.0.1:0
                  server-name: %1$s
                  tls: {certificate: pki/%1$s.crt, key: pki/%1$s.key, generate-lab-pki: true}
                  ub-limits:
                    per-source: {per-second: 1000000, burst: 1000000}
                    per-impi: {per-second: 1000, burst: 1000}
                    vectors: {per-second: 1000000, burst: 1000000}
                """.formatted(BSF));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temp folder left behind is harmless.
        }
    }
}

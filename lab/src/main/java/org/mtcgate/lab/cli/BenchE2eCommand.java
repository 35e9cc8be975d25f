package org.mtcgate.lab.cli;

import org.HdrHistogram.Histogram;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.core.node.Node;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code mtcgate bench e2e}: end-to-end device triggering on this machine. One node (MTC-IWF + SMS-SC) from a
 * generated config, an MSC stack over M3UA/TCP, and an SCS over mutual TLS keeping N DARs in flight. Prints
 * DAR→DAA rate and latency, triggers received at the MSC per second, DAR→MSC latency, DNRs, and heap.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "End-to-end triggers per second: SCS -> MTC-IWF (TLS) -> SMS-SC -> MT-ForwardSM -> MSC, and DNRs back.")
final class BenchE2eCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15",
            description = "warm-up seconds, not counted; the JIT compilers are busy for some 15 s (default ${DEFAULT-VALUE})")
    int warmup;
    private static final int SETTLE_SECONDS = 3;

    @Option(names = "--progress", description = "print the DARs sent in each second of the measured run")
    boolean progress;

    @Option(names = "--in-flight", defaultValue = "16", description = "DARs in flight (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--rate", defaultValue = "0",
            description = "offered DARs per second, latency counted from when each was due; 0 = as fast as the window allows (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--ues", defaultValue = "10000", description = "UEs in the subscriber store (default ${DEFAULT-VALUE})")
    int ues;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || warmup < 0 || inFlight < 1 || inFlight > 10_000 || rate < 0 || ues < 1) {
            spec.commandLine().getErr().println("bench e2e: --seconds >= 1, --warmup >= 0, --in-flight 1..10000, --rate >= 0, --ues >= 1");
            return 2;
        }
        Path dir = Files.createTempDirectory("mtcgate-bench-e2e");
        int[] ports = FreePorts.distinct(3);
        writeFiles(dir, ports);
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        Histogram e2e = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Tally received = new Tally();
        AtomicLong lastReceipt = new AtomicLong();
        Tally dnrs = new Tally();
        try (Node node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
             Ss7Stack msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("bench-msc").dataDir(dir.resolve("msc"))
                     .role(AssociationRole.CLIENT).local("127.0.0.1", ports[2]).remote("127.0.0.1", ports[1])
                     .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                     .localGlobalTitle("491720000200").build())) {
            new LabMsc(msc, false, (imsi, sm) -> {
                Long t0 = sentAt.remove(Long.parseLong(new String(sm.userData().body(), StandardCharsets.US_ASCII)));
                long now = System.nanoTime();
                if (t0 != null) {
                    synchronized (e2e) {
                        e2e.recordValue(Math.min(now - t0, e2e.getHighestTrackableValue()));
                    }
                }
                received.add();
                lastReceipt.set(now);
            });
            msc.connect();
            msc.active().get(30, TimeUnit.SECONDS);
            node.ss7().orElseThrow().active().get(30, TimeUnit.SECONDS);
            LabPki pki = new LabPki(dir.resolve("pki"));
            try (ScsClient scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of("scs1.bench.test", "bench.test",
                            InetAddress.getLoopbackAddress()))
                    .peer(PeerConfig.connecting("mtc-iwf.bench.test", "bench.test", node.diameterAddress().orElseThrow(), PeerRole.MTC_IWF))
                    .tls(LabPki.tlsSettings(pki.certificate("scs1.bench.test"), pki.key("scs1.bench.test"), pki.caCertificate()))
                    .build(), "bench.test", r -> dnrs.add())) {
                scs.connected("mtc-iwf.bench.test").get(30, TimeUnit.SECONDS);
                AtomicLong nextRef = new AtomicLong(1);
                java.util.function.LongFunction<DeviceActionRequest> request = n -> {
                    long ref = nextRef.getAndIncrement();
                    sentAt.put(ref, System.nanoTime());
                    return new DeviceActionRequest("scs1.bench.test", null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                            UeName.of(ExternalId.of("ue-" + (1 + ref % ues) + "@bench.test")),
                            Long.toString(ref).getBytes(StandardCharsets.US_ASCII), 9200, false, Duration.ofMinutes(10));
                };
                out.printf("%d CPUs, %s %s, JVM options %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"), System.getProperty("java.version"),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                out.println("warming up for " + warmup + " s ...");
                out.flush();
                TspLoad.run(scs, inFlight, rate, Duration.ofSeconds(warmup), Long.MAX_VALUE, request, null);
                received.awaitAtLeast(nextRef.get() - 1, 30);
                long heapBefore = heapAfterGc();
                // The full collection that measured the heap also shrank it: load again, uncounted, until the
                // collector has resized the young generation, so the measured run does not start with that stall.
                TspLoad.run(scs, inFlight, rate, Duration.ofSeconds(SETTLE_SECONDS), Long.MAX_VALUE, request, null);
                received.awaitAtLeast(nextRef.get() - 1, 30);
                synchronized (e2e) {
                    e2e.reset();
                }
                long receivedBefore = received.value();
                long dnrsBefore = dnrs.value();
                long t0 = System.nanoTime();
                TspLoad.Result r = TspLoad.run(scs, inFlight, rate, Duration.ofSeconds(seconds), Long.MAX_VALUE, request, progress ? out : null);
                received.awaitAtLeast(nextRef.get() - 1, 60);
                double e2eSeconds = (lastReceipt.get() - t0) / 1e9;
                long delivered = received.value() - receivedBefore;
                // Read the heap once the delivery reports have come back too, so work still in flight on the
                // return path (MSC result -> SMS-SC -> MTC-IWF store -> DNR) is not counted as retained.
                long runEnd = t0 + TimeUnit.SECONDS.toNanos(seconds);
                long dnrsMeasured = dnrs.awaitAtLeast(dnrsBefore + r.sent(), 60) - dnrsBefore;
                double dnrLag = Math.max(0, System.nanoTime() - runEnd) / 1e9;
                long heapAfter = heapAfterGc();
                out.println();
                out.println("== DAR -> DAA (SCS over mutual TLS, MTC-IWF with filter, subscriber store, durable store)");
                if (rate > 0) {
                    out.printf("offered %,d DAR per second (at most %d in flight)%n", rate, inFlight);
                }
                r.print(out, inFlight);
                out.println("== end to end (DAR sent -> SMS-DELIVER received at the MSC over MAP MT-ForwardSM)");
                out.printf("triggers received at the MSC: %,d in %.2f s: %,.0f per second%n", delivered, e2eSeconds, delivered / e2eSeconds);
                synchronized (e2e) {
                    out.printf("DAR->MSC latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", e2e.getValueAtPercentile(50) / 1e6,
                            e2e.getValueAtPercentile(99) / 1e6, e2e.getMaxValue() / 1e6);
                }
                out.printf("DNRs received by the SCS for the measured run: %,d, the last %.1f s after it ended%n", dnrsMeasured, dnrLag);
                out.printf("heap after GC: %.1f MB before, %.1f MB after the measured run%n", heapBefore / 1e6, heapAfter / 1e6);
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void writeFiles(Path dir, int[] ports) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.bench.test], grants: [{kinds: [trigger], to: {external-id-domains: [bench.test]}}]}
                """);
        StringBuilder subs = new StringBuilder("subscribers:\n");
        for (int i = 1; i <= ues; i++) {
            subs.append(String.format("  - {imsi: \"2620155%08d\", external-ids: [ue-%d@bench.test], trigger-scs: [\"*\"], serving-nodes: [\"491720000200\"]}%n", i, i));
        }
        Files.writeString(dir.resolve("subscribers.yaml"), subs);
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bench, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.bench.test
                  listen: 127.0.0.1:%d
                  tls: {certificate: pki/mtc-iwf.bench.test.crt, key: pki/mtc-iwf.bench.test.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.bench.test}]
                ss7:
                  local-gt: "491720000100"
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {retry-first: 1s, retry-max: 5s}
                """.formatted(ports[0], ports[1], ports[2]));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temp folder left behind is harmless.
        }
    }
}

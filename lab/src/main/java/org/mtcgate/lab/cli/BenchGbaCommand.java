package org.mtcgate.lab.cli;

import org.HdrHistogram.Histogram;
import org.mtcgate.bsf.zpn.ZpnClient;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.MtcgateEnvelope1;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.gba.push.MtcgateGpl1;
import org.mtcgate.gba.push.Ptid;
import org.mtcgate.lab.gba.PushNaf;
import org.mtcgate.lab.gba.PushTriggerReader;
import org.mtcgate.lab.gba.PushTriggerUe;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code mtcgate bench gba}: GBA Push on this machine. An HSS node, a BSF node taking vectors from it over Zh, and an
 * MTC-IWF node (mtc-iwf, sms-sc), an MSC stack whose software UEs read the triggers, and an SCS as Push-NAF over mutual TLS.
 * First GPIRs per second through the BSF (GPIR -> GPIA, a fresh vector each), then protected triggers per second end
 * to end (GPIR, GPL, DAR, SMS-SC, concatenated MT-ForwardSM, the UE's USIM, MAC checks and decryption), each with p50
 * and p99. The push formats are the project's profiles, not 3GPP's.
 */
@Command(name = "gba", mixinStandardHelpOptions = true,
        description = "GBA Push: GPI requests per second through the BSF, and protected triggers per second end to end.")
final class BenchGbaCommand implements Callable<Integer> {
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final NafId NAF = new NafId("scs.bench.test", UaSecurityProtocolId.GPL);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds of each part (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds before each part, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--in-flight", defaultValue = "16", description = "requests (or triggers) in flight (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--ues", defaultValue = "1000", description = "UEs with AKA credentials (default ${DEFAULT-VALUE})")
    int ues;

    static Impi impi(long i) {
        return new Impi(String.format("2620155%08d@ims.bench.test", i));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || warmup < 0 || inFlight < 1 || inFlight > 1000 || ues < inFlight) {
            spec.commandLine().getErr().println("bench gba: --seconds >= 1, --warmup >= 0, --in-flight 1..1000, --ues >= --in-flight");
            return 2;
        }
        Path dir = Files.createTempDirectory("mtcgate-bench-gba");
        int[] ports = FreePorts.distinct(2);
        writeFiles(dir, ports);
        Map<String, PushTriggerReader> readers = new ConcurrentHashMap<>();
        Map<String, Done> pending = new ConcurrentHashMap<>();
        LongAdder refused = new LongAdder();
        try (Node hss = Node.start(NodeConfigFile.load(dir.resolve("hss.yaml")), Clock.systemUTC());
             Node bsf = Node.start(NodeConfigFile.load(bsfConfig(dir, hss.diameterAddress().orElseThrow().getPort())),
                     Clock.systemUTC());
             Node iwf = Node.start(NodeConfigFile.load(dir.resolve("iwf.yaml")), Clock.systemUTC());
             Ss7Stack msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("bench-msc").dataDir(dir.resolve("msc"))
                     .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0])
                     .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                     .localGlobalTitle("491720000200").build())) {
            new LabMsc(msc, false, (imsi, sm) -> readers.computeIfAbsent(imsi, this::reader).delivered(sm).ifPresent(r -> {
                if (r instanceof PushTriggerReader.Read read) {
                    Done d = pending.remove(new String(read.payload(), StandardCharsets.US_ASCII));
                    if (d != null) {
                        d.complete();
                    }
                } else {
                    refused.increment();
                    out.println("UE refused: " + r.line());
                }
            }));
            msc.connect();
            msc.active().get(30, TimeUnit.SECONDS);
            iwf.ss7().orElseThrow().active().get(30, TimeUnit.SECONDS);
            LabPki pki = new LabPki(dir.resolve("pki"));
            DiameterNodeConfig.Builder scsConfig = DiameterNodeConfig.builder(LocalIdentity.of("scs1.bench.test", "bench.test",
                    InetAddress.getLoopbackAddress()))
                    .tls(LabPki.tlsSettings(pki.certificate("scs1.bench.test"), pki.key("scs1.bench.test"), pki.caCertificate()));
            DiameterNode zpnNode = new DiameterNode(scsConfig.peer(PeerConfig.connecting("bsf.bench.test", "bench.test",
                    bsf.diameterAddress().orElseThrow(), PeerRole.HSS)).build());
            try (ScsClient scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of("scs1.bench.test", "bench.test",
                            InetAddress.getLoopbackAddress()))
                    .tls(LabPki.tlsSettings(pki.certificate("scs1.bench.test"), pki.key("scs1.bench.test"), pki.caCertificate()))
                    .peer(PeerConfig.connecting("mtc-iwf.bench.test", "bench.test", iwf.diameterAddress().orElseThrow(),
                            PeerRole.MTC_IWF)).build(), "bench.test", r -> { })) {
                zpnNode.supportApplication(ApplicationIds.ZPN).start();
                zpnNode.whenPeerOpen("bsf.bench.test").get(30, TimeUnit.SECONDS);
                scs.connected("mtc-iwf.bench.test").get(30, TimeUnit.SECONDS);
                ZpnClient zpn = new ZpnClient(zpnNode, "bench.test", Optional.of("bsf.bench.test"), new MtcgateGpi1());
                PushNaf naf = new PushNaf(zpn, new MtcgateEnvelope1(), new MtcgateGpl1());
                out.printf("%d CPUs, %s %s; GBA Push with %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"), System.getProperty("java.version"), GbaPushOptions.PROFILES);
                AtomicLong n = new AtomicLong();

                Function<Long, CompletableFuture<Boolean>> gpir = i -> zpn.gpi(impi(1 + i % ues), NAF, Ptid.ofText("p" + i),
                        Instant.now().plusSeconds(600)).toCompletableFuture().thenApply(o -> o instanceof ZpnClient.Served);
                out.println("== GPIR -> GPIA (Push-NAF over mutual TLS, BSF with a vector per request over Zh from the HSS "
                        + "node, mutual TLS), warming up "
                        + warmup + " s ...");
                out.flush();
                closedLoop(gpir, n, warmup);
                Result g = closedLoop(gpir, n, seconds);
                g.print(out, "GPIRs");

                // Each UE's USIM has taken one GPI per GPIR above only if it saw it: the BSF's SEQ_HE ran ahead, which
                // the USIMs accept (SEQ within DELTA of the highest accepted).
                Function<Long, CompletableFuture<Boolean>> trigger = i -> {
                    long ue = 1 + i % ues;
                    String text = Long.toString(i);
                    Done done = new Done();
                    pending.put(text, done);
                    return naf.protect(impi(ue), NAF, text.getBytes(StandardCharsets.US_ASCII), Instant.now().plusSeconds(600))
                            .toCompletableFuture().thenCompose(o -> {
                                if (!(o instanceof PushNaf.Protected p)) {
                                    pending.remove(text);
                                    return CompletableFuture.completedFuture(false);
                                }
                                return scs.send(new DeviceActionRequest("scs1.bench.test", null, ActionType.DEVICE_TRIGGER_REQUEST,
                                        i + 1, null, UeName.of(ExternalId.of("ue-" + ue + "@bench.test")), p.payload(), 9200,
                                        false, Duration.ofMinutes(10))).thenCompose(daa -> {
                                            if (daa.requestStatus() != 0) {
                                                pending.remove(text);
                                                return CompletableFuture.completedFuture(false);
                                            }
                                            return done.future.orTimeout(30, TimeUnit.SECONDS).thenApply(v -> true);
                                        });
                            });
                };
                out.println("== protected trigger end to end (GPIR, GPL, DAR over mutual TLS, SMS-SC, concatenated "
                        + "MT-ForwardSM, UE: USIM, GPI MAC, GPL MAC and decryption), warming up " + warmup + " s ...");
                out.flush();
                closedLoop(trigger, n, warmup);
                Result t = closedLoop(trigger, n, seconds);
                t.print(out, "protected triggers read by the UEs");
                out.printf("triggers the UEs refused: %d%n", refused.sum());
            } finally {
                zpnNode.close();
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private PushTriggerReader reader(String imsi) {
        long i = Long.parseLong(imsi.substring(7));
        PushTriggerUe ue = new PushTriggerUe(new AkaCredentials(impi(i), SubscriberKey.ofHex(K), OpC.ofHex(OPC)), Set.of(NAF),
                UsimSequenceState.initial(), new MtcgateGpi1(), new MtcgateEnvelope1(), new MtcgateGpl1(), Clock.systemUTC());
        return new PushTriggerReader("UE " + imsi, ue, true);
    }

    /** Completed when the UE has read the trigger. */
    private static final class Done {
        final CompletableFuture<Void> future = new CompletableFuture<>();

        void complete() {
            future.complete(null);
        }
    }

    record Result(long ok, long failed, double seconds, Histogram latency) {
        void print(PrintWriter out, String what) {
            out.printf("%s: %,d in %.2f s: %,.0f per second (%d failed); latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                    ok, seconds, ok / seconds, failed, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
            out.flush();
        }
    }

    /** Keeps {@link #inFlight} operations going for {@code secs}, then waits for those still out. */
    private Result closedLoop(Function<Long, CompletableFuture<Boolean>> op, AtomicLong n, int secs) throws InterruptedException {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        Semaphore window = new Semaphore(inFlight);
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(secs);
        while (System.nanoTime() < end) {
            if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long start = System.nanoTime();
            op.apply(n.getAndIncrement()).whenComplete((good, e) -> {
                if (e == null && good) {
                    synchronized (h) {
                        h.recordValue(Math.min(System.nanoTime() - start, h.getHighestTrackableValue()));
                    }
                    ok.increment();
                } else {
                    failed.increment();
                }
                window.release();
            });
        }
        window.tryAcquire(inFlight, 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        synchronized (h) {
            return new Result(ok.sum(), failed.sum(), elapsed, h.copy());
        }
    }

    private void writeFiles(Path dir, int[] ports) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.bench.test], grants: [{kinds: [trigger], to: {external-id-domains: [bench.test]}}]}
                """);
        StringBuilder subs = new StringBuilder("subscribers:\n");
        for (int i = 1; i <= ues; i++) {
            subs.append(String.format("  - {imsi: \"2620155%08d\", external-ids: [ue-%d@bench.test], trigger-scs: [\"*\"], "
                    + "serving-nodes: [\"491720000200\"], impi: \"%s\", k: \"%s\", opc: \"%s\"}%n", i, i, impi(i), K, OPC));
        }
        Files.writeString(dir.resolve("subscribers.yaml"), subs);
        Files.writeString(dir.resolve("hss.yaml"), """
                node: {name: bench-hss, data-dir: data-hss}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: hss.bench.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/hss.bench.test.crt, key: pki/hss.bench.test.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: bsf.bench.test, role: bsf}]
                """);
        Files.writeString(dir.resolve("iwf.yaml"), """
                node: {name: bench-iwf, data-dir: data-iwf}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.bench.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.bench.test.crt, key: pki/mtc-iwf.bench.test.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.bench.test}]
                ss7:
                  local-gt: "491720000100"
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {retry-first: 1s, retry-max: 5s}
                """.formatted(ports[0], ports[1]));
    }

    private static Path bsfConfig(Path dir, int hssPort) throws Exception {
        return Files.writeString(dir.resolve("bsf.yaml"), """
                node: {name: bench-bsf, data-dir: data-bsf}
                roles: [bsf]
                policy: policy.yaml
                diameter:
                  identity: bsf.bench.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/bsf.bench.test.crt, key: pki/bsf.bench.test.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  peers: [{host: scs1.bench.test, role: naf}, {host: hss.bench.test, role: hss, connect: "127.0.0.1:%d"}]
                bsf:
                  listen: 127.0.0.1:0
                  server-name: bsf.bench.test
                  tls: {certificate: pki/bsf.bench.test.crt, key: pki/bsf.bench.test.key}
                  nafs: [{host: scs1.bench.test, fqdns: [scs.bench.test], push: true}]
                  hss: {host: hss.bench.test}
                """.formatted(hssPort));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temp folder left behind is harmless.
        }
    }
}

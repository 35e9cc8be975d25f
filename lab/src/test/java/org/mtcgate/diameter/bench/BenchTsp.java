package org.mtcgate.diameter.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.jdiameter.api.Answer;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.EventListener;
import org.jdiameter.api.Mode;
import org.jdiameter.api.Network;
import org.jdiameter.api.Request;
import org.jdiameter.api.SessionFactory;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.interop.MtcIwfFixture;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;

/**
 * Tsp endpoint benchmark (a lab tool, not a test; run it with {@code scripts/bench-tsp}): DAR→DAA round trips per
 * second and latency percentiles with a fixed number of requests in flight.
 *
 * <ol>
 *   <li>mtcgate SCS → mtcgate MTC-IWF over TCP (insecure lab) and over mutual TLS. The MTC-IWF runs the real device
 *   triggering procedure: filter policy, subscriber table, in-memory trigger store, a submitter that accepts at
 *   once. Node and client run in this JVM, each with its own Netty event loops.</li>
 *   <li>Reference: a jDiameter 1.7.1 client against a jDiameter server that answers at once (TCP, same in-flight).</li>
 * </ol>
 * Prints a table, the ratio mtcgate TCP / jDiameter, and the heap (after GC) before and after each measured run.
 */
public final class BenchTsp {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final ApplicationId TSP = ApplicationId.createByAuthAppId(VendorIds.TGPP, ApplicationIds.TSP);

    /** Sends one DAR; calls back (ok, outcome) when the DAA came or the request failed. */
    private interface Sender {
        void send(long reference, BiConsumer<Boolean, String> done);
    }

    private record Result(String name, int inFlight, double seconds, int answers, long failures, double p50, double p99,
                          double p999, long heapBefore, long heapAfter, String extra, Map<String, Long> outcomes) {
        double rate() {
            return answers / seconds;
        }
    }

    private BenchTsp() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int warmup = 10;
        int inFlight = 32;
        Set<String> modes = Set.of("tcp", "tls", "stack", "jdiameter");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
                case "--only" -> modes = Set.of(args[++i].split(","));
                default -> {
                    System.out.println("""
                            usage: bench-tsp [--seconds N (10; 60 for a full run)] [--warmup N (10)]
                                             [--in-flight N (32; 16..64 is the range of interest)]
                                             [--only tcp,tls,stack,jdiameter]""");
                    System.exit("--help".equals(args[i]) ? 0 : 2);
                }
            }
        }
        if (seconds < 1 || seconds > 600 || warmup < 0 || warmup > 60 || inFlight < 1 || inFlight > 1024) {
            System.err.println("bench-tsp: --seconds 1..600, --warmup 0..60, --in-flight 1..1024");
            System.exit(2);
        }
        System.out.printf("Tsp DAR->DAA benchmark: %d s per run after %d s warm-up, %d in flight, %d CPUs, %s %s%n",
                seconds, warmup, inFlight, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        if (modes.contains("tcp")) {
            results.add(mtcgate(false, seconds, warmup, inFlight));
        }
        if (modes.contains("tls")) {
            results.add(mtcgate(true, seconds, warmup, inFlight));
        }
        if (modes.contains("stack")) {
            results.add(mtcgateStackOnly(seconds, warmup, inFlight));
        }
        if (modes.contains("jdiameter")) {
            results.add(jdiameter(seconds, warmup, inFlight));
        }
        print(results);
        System.exit(0); // jDiameter leaves non-daemon threads behind
    }

    private static Result mtcgate(boolean tls, int seconds, int warmup, int inFlight) throws Exception {
        String name = "mtcgate MTC-IWF " + (tls ? "mutual TLS" : "TCP");
        System.out.println("== " + name);
        LabCertificateAuthority ca = LabCertificateAuthority.create("bench CA", Duration.ofDays(1));
        DiameterNodeConfig.Builder node = DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, LO))
                .listen(new InetSocketAddress(LO, 0)).peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test"));
        node = tls ? node.tls(ca.issue(MtcIwfFixture.MTC_IWF, Duration.ofDays(1)).tlsSettings()) : node.insecureLab(true);
        LastTriggersStore store = new LastTriggersStore(STORE_CAPACITY);
        try (MtcIwfFixture iwf = MtcIwfFixture.start(node.build(), List.of(MtcIwfFixture.SCS), false, store)) {
            DiameterNodeConfig.Builder client = DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.SCS, LO))
                    .peer(PeerConfig.connecting(MtcIwfFixture.MTC_IWF, MtcIwfFixture.MTC_IWF_REALM, iwf.node.localAddress()));
            client = tls ? client.tls(ca.issue(MtcIwfFixture.SCS, Duration.ofDays(1)).tlsSettings()) : client.insecureLab(true);
            try (ScsClient scs = ScsClient.start(client.build(), MtcIwfFixture.MTC_IWF_REALM, r -> { })) {
                scs.connected(MtcIwfFixture.MTC_IWF).get(10, TimeUnit.SECONDS);
                byte[] payload = "wake-up".getBytes(StandardCharsets.US_ASCII);
                ExternalId ue = ExternalId.of(MtcIwfFixture.UE_EXT_ID);
                Sender sender = (ref, done) -> scs.send(new DeviceActionRequest(MtcIwfFixture.SCS, null,
                        ActionType.DEVICE_TRIGGER_REQUEST, ref, null, UeName.of(ue), payload, 9200, false,
                        Duration.ofMinutes(10))).whenComplete((daa, e) -> {
                            if (e != null) {
                                done.accept(false, "error " + rootName(e));
                            } else {
                                done.accept(daa.resultCode() == 2001 && daa.requestStatus() == 0,
                                        "Result-Code " + daa.resultCode() + ", Request-Status " + daa.requestStatus());
                            }
                        });
                Result r = measure(name, sender, seconds, warmup, inFlight);
                String extra = String.format("%,d store writes (accepted, then submitted: two per trigger); the store"
                        + " holds the newest %,d triggers", store.puts.sum(), store.size());
                return new Result(r.name(), r.inFlight(), r.seconds(), r.answers(), r.failures(), r.p50(), r.p99(), r.p999(),
                        r.heapBefore(), r.heapAfter(), extra, r.outcomes());
            }
        }
    }

    /**
     * Like for like with the jDiameter reference: the same mtcgate nodes over TCP, but the MTC-IWF's Tsp handler
     * answers at once (SUCCESS in a Device-Notification) instead of running the device triggering procedure.
     */
    private static Result mtcgateStackOnly(int seconds, int warmup, int inFlight) throws Exception {
        String name = "mtcgate stack only TCP";
        System.out.println("== " + name + " (Tsp handler answers at once, no procedure)");
        org.mtcgate.diameter.peer.DiameterNode iwf = new org.mtcgate.diameter.peer.DiameterNode(
                DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, LO))
                        .listen(new InetSocketAddress(LO, 0)).insecureLab(true)
                        .peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test")).build());
        iwf.registerHandler(ApplicationIds.TSP, (request, ctx) -> {
            long ref = request.avp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP).orElseThrow().groupedAvps().stream()
                    .filter(a -> a.code() == AvpCodes.REFERENCE_NUMBER).findFirst().orElseThrow().unsigned32();
            return java.util.concurrent.CompletableFuture.completedFuture(ctx.answer(request, 2001)
                    .avp(org.mtcgate.diameter.tsp.TspAvps.authApplicationId())
                    .avp(org.mtcgate.diameter.dictionary.BaseAvps.authSessionState(1))
                    .avp(org.mtcgate.diameter.tsp.DeviceNotificationAvp.of(null, null, ref, 1, 0, null))
                    .build());
        }).start();
        try (iwf; ScsClient scs = ScsClient.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.SCS, LO))
                .insecureLab(true).peer(PeerConfig.connecting(MtcIwfFixture.MTC_IWF, MtcIwfFixture.MTC_IWF_REALM,
                        iwf.localAddress())).build(), MtcIwfFixture.MTC_IWF_REALM, r -> { })) {
            scs.connected(MtcIwfFixture.MTC_IWF).get(10, TimeUnit.SECONDS);
            byte[] payload = "wake-up".getBytes(StandardCharsets.US_ASCII);
            ExternalId ue = ExternalId.of(MtcIwfFixture.UE_EXT_ID);
            Sender sender = (ref, done) -> scs.send(new DeviceActionRequest(MtcIwfFixture.SCS, null,
                    ActionType.DEVICE_TRIGGER_REQUEST, ref, null, UeName.of(ue), payload, 9200, false,
                    Duration.ofMinutes(10))).whenComplete((daa, e) -> done.accept(e == null && daa.resultCode() == 2001,
                    e != null ? "error " + rootName(e) : "Result-Code " + daa.resultCode()));
            return measure(name, sender, seconds, warmup, inFlight);
        }
    }

    private static Result jdiameter(int seconds, int warmup, int inFlight) throws Exception {
        String name = "jDiameter -> jDiameter TCP";
        System.out.println("== " + name + " (reference)");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LO)) {
            port = probe.getLocalPort();
        }
        org.jdiameter.server.impl.StackImpl server = new org.jdiameter.server.impl.StackImpl();
        org.jdiameter.client.impl.StackImpl client = new org.jdiameter.client.impl.StackImpl();
        try {
            server.init(new org.jdiameter.server.impl.helpers.XMLConfiguration(config("/jdiameter/bench-server.xml",
                    "${port}", port)));
            server.unwrap(Network.class).addNetworkReqListener(request -> {
                Answer answer = request.createAnswer(2001);
                AvpSet avps = answer.getAvps();
                // createAnswer leaves out Origin-Host/Realm (stack-notes).
                avps.addAvp(Avp.ORIGIN_HOST, "iwf-jd.operator.test", true, false, true);
                avps.addAvp(Avp.ORIGIN_REALM, "operator.test", true, false, true);
                avps.addAvp(Avp.AUTH_SESSION_STATE, 1, true, false);
                long ref = 0;
                try {
                    ref = request.getAvps().getAvp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP).getGrouped()
                            .getAvp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).getUnsigned32();
                } catch (Exception e) {
                    // answered without the reference
                }
                AvpSet dn = avps.addGroupedAvp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP, true, false);
                dn.addAvp(AvpCodes.REFERENCE_NUMBER, ref, VendorIds.TGPP, true, false, true);
                dn.addAvp(AvpCodes.ACTION_TYPE, 1, VendorIds.TGPP, true, false);
                dn.addAvp(AvpCodes.REQUEST_STATUS, 0, VendorIds.TGPP, true, false);
                return answer;
            }, TSP);
            server.start();
            SessionFactory sessions = client.init(new org.jdiameter.client.impl.helpers.XMLConfiguration(
                    config("/jdiameter/bench-client.xml", "${serverPort}", port)));
            client.start(Mode.ALL_PEERS, 10, TimeUnit.SECONDS);
            byte[] payload = "wake-up".getBytes(StandardCharsets.US_ASCII);
            Sender sender = (ref, done) -> {
                try {
                    org.jdiameter.api.Session s = sessions.getNewSession();
                    Request dar = s.createRequest(CommandCodes.DEVICE_ACTION, TSP, MtcIwfFixture.MTC_IWF_REALM);
                    dar.setProxiable(true);
                    AvpSet avps = dar.getAvps();
                    avps.addAvp(Avp.AUTH_SESSION_STATE, 1, true, false);
                    AvpSet action = avps.addGroupedAvp(AvpCodes.DEVICE_ACTION, VendorIds.TGPP, true, false);
                    action.addAvp(AvpCodes.EXTERNAL_IDENTIFIER, MtcIwfFixture.UE_EXT_ID, VendorIds.TGPP, true, false, false);
                    action.addAvp(AvpCodes.REFERENCE_NUMBER, ref, VendorIds.TGPP, true, false, true);
                    action.addAvp(AvpCodes.ACTION_TYPE, 1, VendorIds.TGPP, true, false);
                    AvpSet trigger = action.addGroupedAvp(AvpCodes.TRIGGER_DATA, VendorIds.TGPP, true, false);
                    trigger.addAvp(AvpCodes.PAYLOAD, payload, VendorIds.TGPP, true, false);
                    trigger.addAvp(AvpCodes.PRIORITY_INDICATION, 0, VendorIds.TGPP, true, false);
                    trigger.addAvp(AvpCodes.APPLICATION_PORT_IDENTIFIER, 9200L, VendorIds.TGPP, true, false, true);
                    action.addAvp(AvpCodes.VALIDITY_TIME, 600L, true, false, true);
                    s.send(dar, new EventListener<Request, Answer>() {
                        @Override
                        public void receivedSuccessMessage(Request request, Answer answer) {
                            s.release(); // else jDiameter keeps every session
                            long rc = -1;
                            try {
                                rc = answer.getResultCode().getUnsigned32();
                            } catch (Exception e) {
                                // counted below
                            }
                            done.accept(rc == 2001, "Result-Code " + rc);
                        }

                        @Override
                        public void timeoutExpired(Request request) {
                            s.release();
                            done.accept(false, "timeout");
                        }
                    });
                } catch (Exception e) {
                    done.accept(false, "error " + rootName(e));
                }
            };
            return measure(name, sender, seconds, warmup, inFlight);
        } finally {
            try {
                client.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
                client.destroy();
            } finally {
                server.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
                server.destroy();
            }
        }
    }

    private static final AtomicLong REFERENCES = new AtomicLong();
    /** Triggers the benchmark's store keeps (the procedure only looks up the trigger of the request at hand). */
    private static final int STORE_CAPACITY = 100_000;

    /**
     * The MTC-IWF's trigger store for long runs: {@code MemoryTriggerStore} never forgets (about 4 million triggers
     * in a 60 s run would fill the heap and hide any growth of the Diameter path); this one keeps the newest
     * {@code capacity} triggers, so "heap before/after" shows the Diameter path and procedure alone. A node's durable
     * store expires triggers with their validity instead.
     */
    static final class LastTriggersStore implements org.mtcgate.filter.trigger.TriggerStore {
        private final Map<org.mtcgate.filter.trigger.TriggerId, org.mtcgate.filter.trigger.DeviceTrigger> triggers =
                new ConcurrentHashMap<>();
        private final java.util.Queue<org.mtcgate.filter.trigger.TriggerId> order = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final int capacity;
        final LongAdder puts = new LongAdder();

        LastTriggersStore(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> put(org.mtcgate.filter.trigger.DeviceTrigger trigger) {
            puts.increment();
            if (triggers.put(trigger.id(), trigger) == null) {
                order.add(trigger.id());
                while (triggers.size() > capacity) {
                    org.mtcgate.filter.trigger.TriggerId oldest = order.poll();
                    if (oldest == null) {
                        break;
                    }
                    triggers.remove(oldest);
                }
            }
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.Optional<org.mtcgate.filter.trigger.DeviceTrigger> find(org.mtcgate.filter.trigger.TriggerId id) {
            return java.util.Optional.ofNullable(triggers.get(id));
        }

        @Override
        public List<org.mtcgate.filter.trigger.DeviceTrigger> unfinished() {
            return triggers.values().stream().filter(t -> !t.state().finished()).toList();
        }

        int size() {
            return triggers.size();
        }
    }

    private static Result measure(String name, Sender sender, int seconds, int warmup, int inFlight) throws Exception {
        if (warmup > 0) {
            run(sender, warmup, inFlight, new long[1]);
        }
        // The benchmark's own latency buffer is allocated before the heap is read, so the two heap figures
        // compare the node and client alone.
        long[] latencies = new long[(int) Math.min(20_000_000L, seconds * 150_000L)];
        long heapBefore = heapAfterGc();
        Object[] r = run(sender, seconds, inFlight, latencies);
        long heapAfter = heapAfterGc();
        int n = (Integer) r[0];
        double elapsed = (Double) r[1];
        long failures = (Long) r[2];
        @SuppressWarnings("unchecked")
        Map<String, Long> outcomes = (Map<String, Long>) r[3];
        long[] sorted = latencies.length <= n ? latencies : Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        Result result = new Result(name, inFlight, elapsed, n, failures, pct(sorted, 0.50), pct(sorted, 0.99),
                pct(sorted, 0.999), heapBefore, heapAfter, "", outcomes);
        System.out.printf("   %,d answers in %.1f s = %,.0f/s, p50 %.3f ms, p99 %.3f ms, failures %d, outcomes %s%n",
                n, elapsed, result.rate(), result.p50(), result.p99(), failures, outcomes);
        return result;
    }

    /** Keeps {@code inFlight} requests outstanding for {@code seconds}; returns {answers, elapsed, failures, outcomes}. */
    private static Object[] run(Sender sender, int seconds, int inFlight, long[] latencies) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger answers = new AtomicInteger();
        LongAdder failures = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                continue;
            }
            long t0 = System.nanoTime();
            sender.send(REFERENCES.incrementAndGet() & 0xFFFF_FFFFL, (ok, outcome) -> {
                long dt = System.nanoTime() - t0;
                outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                if (ok) {
                    int i = answers.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = dt;
                    }
                } else {
                    failures.increment();
                }
                window.release();
            });
        }
        if (!window.tryAcquire(inFlight, 30, TimeUnit.SECONDS)) {
            System.out.println("   (some requests still unanswered after 30 s)");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Object[] {answers.get(), elapsed, failures.sum(), counted};
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private static void print(List<Result> results) {
        System.out.println();
        String fmt = "%-28s %9s %7s %11s %10s %8s %8s %8s %8s %10s %10s%n";
        System.out.printf(fmt, "run", "in-flight", "seconds", "answers", "per second", "p50 ms", "p99 ms", "p99.9 ms",
                "failures", "heap pre", "heap post");
        for (Result r : results) {
            System.out.printf("%-28s %9d %7.1f %,11d %,10.0f %8.3f %8.3f %8.3f %8d %8d MB %8d MB%n", r.name(), r.inFlight(),
                    r.seconds(), r.answers(), r.rate(), r.p50(), r.p99(), r.p999(), r.failures(), r.heapBefore() >> 20,
                    r.heapAfter() >> 20);
        }
        for (Result r : results) {
            if (!r.extra().isEmpty()) {
                System.out.println("  " + r.name() + ": " + r.extra());
            }
        }
        Result tcp = find(results, "TCP", "mtcgate MTC-IWF");
        Result tls = find(results, "TLS", "mtcgate MTC-IWF");
        Result jd = find(results, "TCP", "jDiameter");
        Result stack = find(results, "TCP", "mtcgate stack");
        System.out.println();
        if (tcp != null && jd != null) {
            System.out.printf("ratio mtcgate MTC-IWF TCP (full procedure) / jDiameter TCP (answers at once): %.2f"
                    + " (target >= 1.0: %s)%n", tcp.rate() / jd.rate(), tcp.rate() >= jd.rate() ? "met" : "MISSED");
        }
        if (stack != null && jd != null) {
            System.out.printf("ratio mtcgate stack only / jDiameter, both answering at once: %.2f%n", stack.rate() / jd.rate());
        }
        if (tcp != null) {
            System.out.printf("TCP: %,.0f/s (target >= 30,000: %s), p99 %.2f ms (target <= 5 ms: %s)%n", tcp.rate(),
                    tcp.rate() >= 30_000 ? "met" : "MISSED", tcp.p99(), tcp.p99() <= 5 ? "met" : "MISSED");
        }
        if (tls != null) {
            System.out.printf("TLS: %,.0f/s (target >= 15,000: %s), p99 %.2f ms (target <= 5 ms: %s)%n", tls.rate(),
                    tls.rate() >= 15_000 ? "met" : "MISSED", tls.p99(), tls.p99() <= 5 ? "met" : "MISSED");
        }
        System.out.println("(client and MTC-IWF share this JVM and its CPUs; each has its own event loops)");
        System.out.println("(heap: used after full GC, before and after the measured run. The node keeps up to 200,000"
                + " answers for duplicate detection (RFC 6733 6.5) and the benchmark's store the newest 100,000"
                + " triggers; both are bounded, so the heap is flat once the warm-up has filled them)");
    }

    private static Result find(List<Result> results, String transport, String prefix) {
        return results.stream().filter(r -> r.name().startsWith(prefix) && r.name().contains(transport)).findFirst()
                .orElse(null);
    }

    private static InputStream config(String resource, String placeholder, int port) throws Exception {
        try (InputStream in = BenchTsp.class.getResourceAsStream(resource)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(placeholder, Integer.toString(port));
            return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        }
    }
}

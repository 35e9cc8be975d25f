package org.mtcgate.lab.cli;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.mtcgate.core.store.JournalHeldSmStore;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.RetryPolicy;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.smpp.AddressBlock;
import org.mtcgate.smpp.BindKind;
import org.mtcgate.smpp.SmeAccount;
import org.mtcgate.smpp.SubmitOnlyListener;
import org.mtcgate.smpp.TsmsObserver;
import org.mtcgate.smpp.TsmsServer;
import org.mtcgate.smpp.TsmsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mtcgate bench tsms}: submit_sm per second through the node's Tsms server, its filter and into the SMS-SC's
 * journal store (the MT leg answers at once, so the figure is the Tsms ingress alone), from jSMPP client sessions on
 * loopback; then, as the reference in the same run, the same clients against jSMPP's own server answering every
 * submit_sm at once.
 */
@Command(name = "tsms", mixinStandardHelpOptions = true,
        description = "submit_sm/s through Tsms (bind, filter, routing, journal store), p50/p99; then jSMPP's own server "
                + "answering at once as the reference.")
final class BenchTsmsCommand implements Callable<Integer> {
    private static final String POLICY = """
            version: 1
            defaults:
              ordinary: allow
            senders:
              - {id: bench-sme, ingress: [tsms], identities: [bench], grants: [{kinds: [ordinary], to: all}]}
            """;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "15", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--sessions", defaultValue = "8",
            description = "client sessions (binds), each sending one submit_sm at a time (default ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--fsync", description = "force each store commit to disk")
    boolean fsync;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("mtcgate-bench-tsms");
        FilterEngine filter = new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("bench-tsms.yaml", POLICY, ListSource.NONE), TimeSource.SYSTEM);
        SmeAccount sme = new SmeAccount("bench", password -> password.equals("bench"),
                List.of(AddressBlock.parse("127.0.0.0/8")), Set.of(BindKind.values()), 1_000_000, List.of("4930123456"));
        Stats node;
        try (JournalHeldSmStore store = JournalHeldSmStore.open(dir.resolve("smsc"), fsync);
             StoreAndForward smsc = new StoreAndForward(store,
                     sm -> CompletableFuture.completedFuture(DeliveryAttempt.delivered()),
                     RetryPolicy.DEFAULT, Clock.systemUTC());
             TsmsServer server = TsmsServer.start(TsmsSettings.of(new InetSocketAddress("127.0.0.1", 0), null, List.of(sme)),
                     filter, msisdn -> CompletableFuture.completedFuture(Optional.of(new SmRecipient(
                             Imsi.of("26201" + msisdn.digits().substring(msisdn.digits().length() - 10)), msisdn,
                             List.of("491720000200")))), smsc::submit, new TsmsObserver() { }, Clock.systemUTC(), TimeSource.SYSTEM)) {
            smsc.reportTo(server.outcomes());
            out.printf("warm-up %d s ...%n", warmup);
            run(server.localAddress().getPort(), Duration.ofSeconds(warmup));
            node = run(server.localAddress().getPort(), Duration.ofSeconds(seconds));
        }
        out.printf("Tsms submit_sm: %,d in %.1f s = %,.0f/s, %d sessions, p50 %.2f ms, p99 %.2f ms, refused %d, fsync %s%n",
                node.done, node.seconds, node.done / node.seconds, sessions, node.percentile(50), node.percentile(99),
                node.failed, fsync);
        out.printf("reference, jSMPP's own server answering at once ...%n");
        Stats ref;
        try (EchoServer echo = new EchoServer()) {
            run(echo.port(), Duration.ofSeconds(Math.min(warmup, 3)));
            ref = run(echo.port(), Duration.ofSeconds(seconds));
        }
        out.printf("reference jSMPP echo: %,.0f submit_sm/s, p50 %.2f ms, p99 %.2f ms%n",
                ref.done / ref.seconds, ref.percentile(50), ref.percentile(99));
        out.printf("Tsms / echo: %.2f%n", (node.done / node.seconds) / (ref.done / ref.seconds));
        return node.failed == 0 ? 0 : 1;
    }

    /** Submits done, refused, seconds, sorted latencies (ns). */
    record Stats(long done, long failed, double seconds, long[] sorted) {
        double percentile(double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100.0))] / 1e6;
        }
    }

    /** {@code sessions} client threads, each bound once and submitting in a loop until the end. */
    private Stats run(int port, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.Queue<String> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[sessions];
        for (int t = 0; t < sessions; t++) {
            long[] lat = new long[Math.max(100_000, (int) duration.toSeconds() * 20_000)];
            perThread.add(lat);
            int index = t;
            Thread thread = new Thread(() -> {
                SMPPSession session = new SMPPSession();
                try {
                    session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "bench", "bench", "",
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
                    byte[] text = "meter reading 42".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    int n = 0;
                    while (System.nanoTime() < end && n < lat.length) {
                        long sent = System.nanoTime();
                        try {
                            session.submitShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4930123456",
                                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                    String.format("4917%08d", (index * 1_000_003L + n) % 100_000_000L), new ESMClass(),
                                    (byte) 0, (byte) 0, null, null, new RegisteredDelivery(0), (byte) 0,
                                    new RawDataCoding((byte) 0x04), (byte) 0, text);
                            done.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        lat[n++] = System.nanoTime() - sent;
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    failed.incrementAndGet();
                    errors.add(e.toString());
                } finally {
                    session.unbindAndClose();
                }
            }, "bench-sme-" + t);
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < sessions; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (!errors.isEmpty()) {
            spec.commandLine().getErr().println("bench tsms: " + errors.size() + " sessions failed, first: " + errors.peek());
        }
        return new Stats(done.get(), failed.get(), secs, all);
    }

    /** jSMPP's own server: binds accepted, every submit_sm answered at once with a message id. */
    private static final class EchoServer extends SubmitOnlyListener implements AutoCloseable {
        private final SMPPServerSessionListener listener;
        private final Thread acceptor;
        private final AtomicLong ids = new AtomicLong();
        private volatile boolean closed;

        private final int port;

        EchoServer() throws java.io.IOException {
            // jSMPP's listener reports the port it was given, not the one an ephemeral bind got: take a free one.
            port = org.mtcgate.lab.map.FreePorts.distinct(1)[0];
            listener = new SMPPServerSessionListener(port);
            listener.setMessageReceiverListener(this);
            acceptor = new Thread(this::accept, "bench-echo-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return port;
        }

        private void accept() {
            while (!closed) {
                try {
                    SMPPServerSession session = listener.accept();
                    Thread binder = new Thread(() -> {
                        try {
                            session.waitForBind(5_000).accept("echo");
                        } catch (Exception e) {
                            session.close();
                        }
                    }, "bench-echo-bind");
                    binder.setDaemon(true);
                    binder.start();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(Long.toHexString(ids.incrementAndGet())), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw refusal("data_sm");
        }

        @Override
        protected ProcessRequestException refusal(String operation) {
            return new ProcessRequestException("not served", 3);
        }

        @Override
        public void close() throws java.io.IOException {
            closed = true;
            listener.close();
        }
    }
}

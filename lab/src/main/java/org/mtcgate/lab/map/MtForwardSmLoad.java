package org.mtcgate.lab.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.mtcgate.map.stack.Transport;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

/**
 * Lab load runner, not a test: MT-ForwardSM dialogs (TC-BEGIN, TC-END) between two stacks on loopback over
 * M3UA/TCP in one JVM, with a bounded number in flight: the raw jSS7 reference for the router benchmark. Prints
 * dialogs per second and the p50/p99 dialog latency. Arguments: [dialogs=20000] [inFlight=100] [warm-up dialogs=5000].
 */
public final class MtForwardSmLoad {
    private static final String IMSI = "262019876543210";

    /** Dialogs completed, failures, seconds, and sorted latencies in nanoseconds. */
    public record Result(int dialogs, int failures, double seconds, long[] sortedLatencies) {
        public double perSecond() {
            return dialogs / seconds;
        }

        public double percentileMillis(double p) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sortedLatencies.length - 1, Math.floor(sortedLatencies.length * p / 100.0));
            return sortedLatencies[i] / 1e6;
        }
    }

    private MtForwardSmLoad() {
    }

    public static void main(String[] args) throws Exception {
        int dialogs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Path dataDir = Files.createTempDirectory("mtcgate-load");
        try (StackPair stacks = StackPair.assemble(dataDir, Transport.TCP)) {
            SmscPeer smsc = new SmscPeer(stacks.gateway);
            new HlrPeer(stacks.network);
            new MscPeer(stacks.network, (imsi, sm) -> { }, false);
            stacks.connect(20, TimeUnit.SECONDS);
            byte[] tpdu = tpdu();
            run(smsc, tpdu, inFlight, countdown(warmUp), null);
            Result r = run(smsc, tpdu, inFlight, countdown(dialogs), new long[dialogs]);
            System.out.printf("MT-ForwardSM dialogs: %d in %.2f s = %.0f dialogs/s, in flight %d, failures %d%n",
                    r.dialogs(), r.seconds(), r.perSecond(), inFlight, r.failures());
            System.out.printf("dialog latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", r.percentileMillis(50),
                    r.percentileMillis(99), r.percentileMillis(100));
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after run and GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /**
     * Two fresh stacks under {@code dataDir} ({@code deliveryThreads} M3UA delivery threads each, 0 for jSS7's
     * default): warm-up for {@code warmUp}, then MT-ForwardSM dialogs for {@code duration} with {@code inFlight}
     * open at once.
     */
    public static Result measure(Path dataDir, Duration warmUp, Duration duration, int inFlight, int deliveryThreads)
            throws Exception {
        try (StackPair stacks = StackPair.assemble(dataDir, Transport.TCP, deliveryThreads)) {
            SmscPeer smsc = new SmscPeer(stacks.gateway);
            new MscPeer(stacks.network, (imsi, sm) -> { }, false);
            stacks.connect(20, TimeUnit.SECONDS);
            byte[] tpdu = tpdu();
            run(smsc, tpdu, inFlight, until(warmUp), null);
            // Room for 60,000 dialogs a second, well above what two stacks on this kind of machine do (27-44 thousand).
            int room = (int) Math.min(50_000_000, Math.max(1_000_000, duration.toSeconds() * 60_000));
            return run(smsc, tpdu, inFlight, until(duration), new long[room]);
        }
    }

    private static byte[] tpdu() throws Exception {
        return TpduCodec.encode(new SmsDeliver(false, false, false, false, SmsAddress.international("4930123456"),
                0x48, 0x04, new ServiceCentreTimeStamp(26, 11, 22, 13, 0, 0, 4),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(9200, 0)),
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    }

    private static BooleanSupplier countdown(int n) {
        AtomicInteger left = new AtomicInteger(n);
        return () -> left.getAndDecrement() > 0;
    }

    private static BooleanSupplier until(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        return () -> System.nanoTime() < end;
    }

    private static Result run(SmscPeer smsc, byte[] tpdu, int inFlight, BooleanSupplier more, long[] latencies)
            throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger failures = new AtomicInteger();
        AtomicLong completed = new AtomicLong();
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        while (more.getAsBoolean() && (latencies == null || started.get() < latencies.length)) {
            window.acquire();
            int index = started.getAndIncrement();
            long sent = System.nanoTime();
            smsc.mtForwardSm(IMSI, StackPair.MSC_GT, tpdu, false).whenComplete((ok, error) -> {
                if (latencies != null) {
                    latencies[index] = System.nanoTime() - sent;
                }
                if (error != null) {
                    failures.incrementAndGet();
                }
                completed.incrementAndGet();
                window.release();
            });
        }
        // Wait for the last ones: every permit back means nothing is in flight.
        if (!window.tryAcquire(inFlight, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("dialogs still open after 5 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = started.get();
        long[] sorted = latencies == null ? new long[0] : Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(n, failures.get(), seconds, sorted);
    }
}

package org.mtcgate.map.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtcgate.map.peer.HlrPeer;
import org.mtcgate.map.peer.MscPeer;
import org.mtcgate.map.peer.SmscPeer;
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
 * M3UA/TCP in one JVM, with a bounded number in flight. Prints dialogs per second and the p50/p99 dialog
 * latency. Arguments: [dialogs=20000] [inFlight=100] [warm-up dialogs=5000].
 */
public final class MtForwardSmLoad {
    private static final String IMSI = "262019876543210";

    private MtForwardSmLoad() {
    }

    public static void main(String[] args) throws Exception {
        int dialogs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Path dataDir = Files.createTempDirectory("mtcgate-load");
        byte[] tpdu = TpduCodec.encode(new SmsDeliver(false, false, false, false,
                SmsAddress.international("4930123456"), 0x48, 0x04, new ServiceCentreTimeStamp(26, 11, 22, 13, 0, 0, 4),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(9200, 0)),
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        try (StackPair stacks = StackPair.assemble(dataDir, Transport.TCP)) {
            SmscPeer smsc = new SmscPeer(stacks.gateway);
            new HlrPeer(stacks.network);
            new MscPeer(stacks.network);
            stacks.connect(20, TimeUnit.SECONDS);
            run(smsc, tpdu, warmUp, inFlight, null);
            long[] latencies = new long[dialogs];
            long start = System.nanoTime();
            int failures = run(smsc, tpdu, dialogs, inFlight, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("MT-ForwardSM dialogs: %d in %.2f s = %.0f dialogs/s, in flight %d, failures %d%n",
                    dialogs, seconds, dialogs / seconds, inFlight, failures);
            System.out.printf("dialog latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    latencies[dialogs / 2] / 1e6, latencies[(int) (dialogs * 0.99)] / 1e6,
                    latencies[dialogs - 1] / 1e6);
            // A rough check that finished dialogs leave nothing behind (e.g. cancelled TCAP timers); it
            // includes the SMS-DELIVERs the lab MSC keeps.
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after run and GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static int run(SmscPeer smsc, byte[] tpdu, int count, int inFlight, long[] latencies)
            throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            window.acquire();
            int index = i;
            long sent = System.nanoTime();
            smsc.mtForwardSm(IMSI, StackPair.MSC_GT, tpdu, false).whenComplete((ok, error) -> {
                if (latencies != null) {
                    latencies[index] = System.nanoTime() - sent;
                }
                if (error != null) {
                    failures.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " dialogs still open after 5 minutes");
        }
        return failures.get();
    }
}

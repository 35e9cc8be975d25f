package org.mtcgate.diameter.tools;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.pki.IssuedCredential;
import org.mtcgate.diameter.pki.LabCertificateAuthority;

/**
 * Measures Tsp DAR/DAA round trips on loopback between two nodes in this JVM, over plain TCP and
 * over mutual TLS: throughput and p50/p99 latency with a fixed number of requests in flight.
 * A lab tool, not a test. Usage: {@code RoundTripLoad [seconds=5] [inFlight=64]}.
 */
public final class RoundTripLoad {
    private static final String SERVER = "mtc-iwf.load.test";
    private static final String CLIENT = "scs.load.test";

    private RoundTripLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        System.out.println(run(false, seconds, inFlight));
        System.out.println(run(true, seconds, inFlight));
    }

    static String run(boolean tls, int seconds, int inFlight) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        LabCertificateAuthority ca = LabCertificateAuthority.create("load CA", Duration.ofDays(1));
        IssuedCredential serverCred = ca.issue(SERVER, Duration.ofDays(1));
        IssuedCredential clientCred = ca.issue(CLIENT, Duration.ofDays(1));
        DiameterNodeConfig.Builder sb = DiameterNodeConfig.builder(identity(SERVER, "load.test", lo))
                .listen(new InetSocketAddress(lo, 0)).peer(PeerConfig.accepting(CLIENT, "client.test"));
        try (DiameterNode server = new DiameterNode((tls ? sb.tls(serverCred.tlsSettings()) : sb.insecureLab(true)).build())
                .registerHandler(ApplicationIds.TSP, (r, ctx) -> CompletableFuture.completedFuture(
                        ctx.answer(r, 2001).avp(BaseAvps.authSessionState(1)).build()))
                .start()) {
            DiameterNodeConfig.Builder cb = DiameterNodeConfig.builder(identity(CLIENT, "client.test", lo))
                    .peer(PeerConfig.connecting(SERVER, "load.test", server.localAddress()));
            try (DiameterNode client = new DiameterNode((tls ? cb.tls(clientCred.tlsSettings()) : cb.insecureLab(true)).build())
                    .supportApplication(ApplicationIds.TSP).start()) {
                client.whenPeerOpen(SERVER).get(10, TimeUnit.SECONDS);
                measure(client, 1, inFlight); // warm-up
                return (tls ? "TLS " : "TCP ") + measure(client, seconds, inFlight);
            }
        }
    }

    private static String measure(DiameterNode client, int seconds, int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        int capacity = 5_000_000;
        long[] latencies = new long[capacity];
        AtomicInteger n = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        int ref = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            long t0 = System.nanoTime();
            client.sendRequest(dar(++ref)).whenComplete((a, e) -> {
                long dt = System.nanoTime() - t0;
                if (e != null || a.avp(AvpCodes.RESULT_CODE).map(Avp::unsigned32).orElse(0L) != 2001) {
                    failures.incrementAndGet();
                } else {
                    int i = n.getAndIncrement();
                    if (i < capacity) {
                        latencies[i] = dt;
                    }
                }
                window.release();
            });
        }
        window.acquire(inFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int count = Math.min(n.get(), capacity);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return String.format("DAR/DAA: %d answers in %.1f s = %.0f/s, in flight %d, p50 %.3f ms, p99 %.3f ms, failures %d",
                count, elapsed, count / elapsed, inFlight, pct(sorted, 0.50), pct(sorted, 0.99), failures.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static LocalIdentity identity(String host, String realm, InetAddress a) {
        return new LocalIdentity(host, realm, List.of(a), 0, "mtcgate-load", 1, 1);
    }

    private static DiameterMessage dar(int reference) {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(CLIENT + ";" + reference))
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm("load.test"))
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(reference),
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)))
                .build();
    }
}

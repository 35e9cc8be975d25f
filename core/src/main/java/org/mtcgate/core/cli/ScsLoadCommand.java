package org.mtcgate.core.cli;

import org.HdrHistogram.Histogram;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code mtcgate scs load}: keeps N Device-Action requests in flight for a while and prints DAR→DAA rate and
 * latency percentiles. Bounded by time and count; stops by itself.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Send triggers with N in flight; print rate and DAR->DAA latency percentiles.")
final class ScsLoadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScsOptions scs;

    @Option(names = "--in-flight", defaultValue = "32", description = "requests in flight (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--seconds", defaultValue = "10", description = "how long to run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--max", defaultValue = "10000000", description = "stop after this many requests (default ${DEFAULT-VALUE})")
    long max;

    @Option(names = "--ext-id", defaultValue = "meter-%d@meters.example.com",
            description = "External-Identifier pattern, %%d numbered 1..--ues (default ${DEFAULT-VALUE})")
    String extIdPattern;

    @Option(names = "--ues", defaultValue = "1", description = "how many UEs to spread triggers over (default ${DEFAULT-VALUE})")
    int ues;

    @Option(names = "--first-ref", defaultValue = "1", description = "first Reference-Number (default ${DEFAULT-VALUE})")
    long firstRef;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (inFlight < 1 || inFlight > 10_000 || seconds < 1 || seconds > 3600 || ues < 1) {
            spec.commandLine().getErr().println("scs load: --in-flight 1..10000, --seconds 1..3600, --ues >= 1");
            return 2;
        }
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicLong nextRef = new AtomicLong(firstRef);
        Semaphore window = new Semaphore(inFlight);
        byte[] payload = "load".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ScsClient client = ScsClient.start(scs.config(), ScsOptions.realmOf(scs.mtcIwfHost), r -> { })) {
            client.connected(scs.mtcIwfHost).get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            long sent = 0;
            long nextReport = start + TimeUnit.SECONDS.toNanos(1);
            long lastCount = 0;
            while (System.nanoTime() < deadline && sent < max) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long ref = nextRef.getAndIncrement() & 0xFFFF_FFFFL;
                String extId = String.format(extIdPattern, 1 + (ref % ues));
                DeviceActionRequest r = new DeviceActionRequest(scs.identity, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                        UeName.of(ExternalId.of(extId)), payload, 9200, false, Duration.ofMinutes(10));
                long t0 = System.nanoTime();
                client.send(r).whenComplete((daa, e) -> {
                    long dt = System.nanoTime() - t0;
                    synchronized (latency) {
                        latency.recordValue(Math.min(dt, latency.getHighestTrackableValue()));
                    }
                    String key = e != null ? "error: " + e.getClass().getSimpleName()
                            : "Result-Code " + daa.resultCode() + " Request-Status " + daa.requestStatus();
                    outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
                    window.release();
                });
                sent++;
                long now = System.nanoTime();
                if (now >= nextReport) {
                    out.printf("%5.1f s: %,d sent, %,d/s%n", (now - start) / 1e9, sent, sent - lastCount);
                    out.flush();
                    lastCount = sent;
                    nextReport += TimeUnit.SECONDS.toNanos(1);
                }
            }
            window.acquire(inFlight);
            double elapsed = (System.nanoTime() - start) / 1e9;
            out.printf("%nsent %,d Device-Action requests in %.2f s with %d in flight: %,.0f DAR/DAA per second%n",
                    sent, elapsed, inFlight, sent / elapsed);
            synchronized (latency) {
                out.printf("DAR->DAA latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                        latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                        latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6,
                        latency.getMaxValue() / 1e6);
            }
            new TreeMap<>(outcomes).forEach((k, v) -> out.printf("  %,d x %s%n", v.sum(), k));
        }
        return 0;
    }
}

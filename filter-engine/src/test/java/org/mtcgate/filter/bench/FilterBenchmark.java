package org.mtcgate.filter.bench;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.PolicyFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Verdicts per second on one thread, with 1,000,000 authorised UE numbers in the policy. {@code mix}: 90 %
 * ordinary SMs, 10 % trigger/OTA of which half are unauthorised. {@code allowPath}: the same mix with every
 * protected item authorised, for the allocation check ({@code -prof gc}: gc.alloc.rate.norm should be 0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class FilterBenchmark {
    private static final int ITEMS = 1 << 16;

    private FilterEngine engine;
    private InboundItem[] mix;
    private InboundItem[] allowOnly;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("mtcgate-bench");
        Path policy = BenchPolicy.write(dir);
        engine = new FilterEngine(PolicyFiles.load(policy, new LimiterRegistry(), TimeSource.SYSTEM), TimeSource.SYSTEM);
        mix = BenchPolicy.mix(ITEMS, 42, false);
        allowOnly = BenchPolicy.mix(ITEMS, 43, true);
        for (InboundItem item : allowOnly) {
            if (!engine.evaluate(item).allowed()) {
                throw new IllegalStateException("allow-path item was blocked: " + item);
            }
        }
        Files.delete(dir.resolve("fleet.msisdn"));
        Files.delete(policy);
        Files.delete(dir);
    }

    @Benchmark
    public Verdict mix() {
        return engine.evaluate(mix[next++ & (ITEMS - 1)]);
    }

    @Benchmark
    public Verdict allowPath() {
        return engine.evaluate(allowOnly[next++ & (ITEMS - 1)]);
    }
}

package org.mtcgate.filter.bench;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.PolicyFiles;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long the 1,000,000-number benchmark policy takes to load and how much heap it keeps.
 * Run by scripts/bench-filter; not a test.
 */
public final class PolicyFootprint {
    private PolicyFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mtcgate-footprint");
        Path policyFile = BenchPolicy.write(dir);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        CompiledPolicy kept = null;
        long best = Long.MAX_VALUE;
        for (int run = 1; run <= 5; run++) {
            kept = null;
            settle(memory);
            long before = memory.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            kept = PolicyFiles.load(policyFile, new LimiterRegistry(), TimeSource.SYSTEM);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            best = Math.min(best, ms);
            settle(memory);
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("run %d: loaded %,d listed MSISDNs in %d ms, policy keeps %.1f MB of heap%n",
                    run, BenchPolicy.LISTED, ms, (after - before) / 1e6);
        }
        FilterEngine engine = new FilterEngine(kept, TimeSource.SYSTEM);
        InboundItem[] items = BenchPolicy.mix(1000, 1, true);
        int allowed = 0;
        for (InboundItem item : items) {
            allowed += engine.evaluate(item).allowed() ? 1 : 0;
        }
        System.out.printf("best load time %d ms; sanity: %d of %d allow-path items allowed%n", best, allowed, items.length);
        Files.delete(dir.resolve("fleet.msisdn"));
        Files.delete(policyFile);
        Files.delete(dir);
    }

    private static void settle(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}

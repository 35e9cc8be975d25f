package org.mtcgate.filter;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.yaml.ConfigException;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloading swaps whole snapshots: no verdict mixes two policies, a bad file changes nothing, limits carry over. */
class ReloadTest {
    /**
     * A and B name the same sender and group, but the group holds different numbers and the grant another id:
     * a verdict built from parts of both (the sender of one, the targets of the other) would show up as a rule
     * id or decision neither policy gives for that item.
     */
    static final String A = """
            version: 1
            groups:
              fleet: {msisdn-prefixes: ["4917"]}
            senders:
              - {id: scs, ingress: [tsp], identities: [scs], grants: [{id: in-a, kinds: [trigger], to: [fleet]}]}
            """;
    static final String B = """
            version: 1
            groups:
              fleet: {msisdn-prefixes: ["4918"]}
            senders:
              - {id: scs, ingress: [tsp], identities: [scs], grants: [{id: in-b, kinds: [trigger], to: [fleet]}]}
            """;

    final ManualTime time = new ManualTime();
    final PolicyLoader loader = new PolicyLoader(new LimiterRegistry(), time);

    @Test
    void evaluationDuringReloadsSeesOneWholePolicy() throws Exception {
        CompiledPolicy a = loader.load("a.yaml", A, ListSource.NONE);
        CompiledPolicy b = loader.load("b.yaml", B, ListSource.NONE);
        InboundItem to4917 = Items.tsp("scs", 0x48, "491700000001");
        InboundItem to4918 = Items.tsp("scs", 0x48, "491800000001");
        Set<String> possible4917 = Set.of(
                a.evaluate(to4917, time, false, null).ruleId() + "=" + true,
                b.evaluate(to4917, time, false, null).ruleId() + "=" + false);
        Set<String> possible4918 = Set.of(
                a.evaluate(to4918, time, false, null).ruleId() + "=" + false,
                b.evaluate(to4918, time, false, null).ruleId() + "=" + true);
        assertEquals(Set.of("scs/in-a=true", "scs/ue-not-granted=false"), possible4917);

        FilterEngine engine = new FilterEngine(a, time);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch checkerRunning = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Set<String>> seen = pool.submit(() -> {
                Set<String> out = new HashSet<>();
                checkerRunning.countDown();
                while (!stop.get()) {
                    Verdict v1 = engine.evaluate(to4917);
                    Verdict v2 = engine.evaluate(to4918);
                    out.add("4917:" + v1.ruleId() + "=" + v1.allowed());
                    out.add("4918:" + v2.ruleId() + "=" + v2.allowed());
                }
                return out;
            });
            Future<?> swaps = pool.submit(() -> {
                checkerRunning.await();
                for (int i = 0; i < 200_000; i++) {
                    engine.install(i % 2 == 0 ? b : a);
                }
                return null;
            });
            swaps.get(60, TimeUnit.SECONDS);
            stop.set(true);
            for (String s : seen.get(60, TimeUnit.SECONDS)) {
                String[] parts = s.split(":", 2);
                Set<String> allowed = parts[0].equals("4917") ? possible4917 : possible4918;
                assertTrue(allowed.contains(parts[1]), "a verdict from no single policy: " + s);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBadReloadLeavesThePolicyInForce() throws Exception {
        FilterEngine engine = new FilterEngine(loader.load("a.yaml", A, ListSource.NONE), time);
        Policy before = engine.policy();
        assertThrows(ConfigException.class, () -> engine.install(loader.load("broken.yaml", A + "  - {id: x}\n", ListSource.NONE)));
        assertSame(before, engine.policy());
        assertTrue(engine.evaluate(Items.tsp("scs", 0x48, "491700000001")).allowed());
    }

    @Test
    void reloadKeepsASendersBucketAndQuotaWhenItsLimitsAreUnchanged() throws Exception {
        String limited = """
                version: 1
                senders:
                  - {id: scs-a, ingress: [tsp], identities: [a], grants: [{kinds: [trigger], to: all}],
                     rate: {per-second: 1, burst: 2}, quota: {max: 3, period: 1d}}
                """;
        FilterEngine engine = new FilterEngine(loader.load("p.yaml", limited, ListSource.NONE), time);
        InboundItem item = Items.tsp("a", 0x48, "491700000001");
        assertTrue(engine.evaluate(item).allowed());
        assertTrue(engine.evaluate(item).allowed());
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus());
        engine.install(loader.load("p.yaml", limited + "# edited\n", ListSource.NONE));
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus(), "a reload gives no fresh burst");
        time.advanceMillis(1000);
        assertTrue(engine.evaluate(item).allowed());
        time.advanceMillis(1000);
        assertEquals(RequestStatus.QUOTAEXCEEDED, engine.evaluate(item).requestStatus(), "the quota carried over too");
    }
}

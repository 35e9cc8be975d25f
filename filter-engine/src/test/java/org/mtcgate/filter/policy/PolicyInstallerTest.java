package org.mtcgate.filter.policy;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Explanation;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Items;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.yaml.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate and quota state is bound when a policy is installed, and only when it was accepted. */
class PolicyInstallerTest {
    static final String LIMITED = """
            version: 1
            senders:
              - {id: scs-a, ingress: [tsp], identities: [a], grants: [{kinds: [trigger], to: all}],
                 rate: {per-second: 1, burst: 2}, quota: {max: 3, period: 1d}}
            """;
    /** The same sender with a far higher rate, and a mistake further down: refused as a whole. */
    static final String REFUSED = """
            version: 1
            senders:
              - {id: scs-a, ingress: [tsp], identities: [a], grants: [{kinds: [trigger], to: all}],
                 rate: {per-second: 1000, burst: 1000}, quota: {max: 3000, period: 1d}}
              - {id: scs-b, ingress: [tsp], grants: []}
            """;

    final ManualTime time = new ManualTime();
    final PolicyReader reader = new PolicyReader();
    final PolicyCompiler compiler = new PolicyCompiler();
    final PolicyInstaller installer = new PolicyInstaller(new LimiterRegistry(), time);
    final InboundItem item = Items.tsp("a", 0x48, "491700000001");

    private CompiledPolicy compile(String yaml) throws ConfigException {
        return compiler.compile(reader.read("p.yaml", yaml, ListSource.NONE));
    }

    private FilterEngine exhausted() throws ConfigException {
        FilterEngine engine = new FilterEngine(installer.bind(compile(LIMITED)), time);
        assertTrue(engine.evaluate(item).allowed());
        assertTrue(engine.evaluate(item).allowed());
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus());
        return engine;
    }

    @Test
    void aRefusedPolicyLeavesEveryLimiterAsItWas() throws Exception {
        FilterEngine engine = exhausted();
        assertThrows(ConfigException.class, () -> installer.install(compile(REFUSED), engine));
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus(), "the policy in force still counts");
        // Had the refused policy bound scs-a's new limit, the registry would now hand out a fresh bucket here.
        installer.install(compile(LIMITED + "# edited\n"), engine);
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus(), "no fresh burst after a refusal");
    }

    @Test
    void theOneCallLoaderBindsOnlyWhatItAccepted() throws Exception {
        LimiterRegistry limiters = new LimiterRegistry();
        PolicyLoader loader = new PolicyLoader(limiters, time);
        FilterEngine engine = new FilterEngine(loader.load("p.yaml", LIMITED, ListSource.NONE), time);
        engine.evaluate(item);
        engine.evaluate(item);
        assertThrows(ConfigException.class, () -> loader.load("p.yaml", REFUSED, ListSource.NONE));
        engine.install(loader.load("p.yaml", LIMITED + "# edited\n", ListSource.NONE));
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus());
    }

    @Test
    void anAcceptedPolicyWithUnchangedLimitsKeepsTheState() throws Exception {
        FilterEngine engine = exhausted();
        installer.install(compile(LIMITED + "# edited\n"), engine);
        assertEquals(RequestStatus.RATEEXCEEDED, engine.evaluate(item).requestStatus(), "the bucket carried over");
        time.advanceMillis(1000);
        assertTrue(engine.evaluate(item).allowed());
        time.advanceMillis(1000);
        assertEquals(RequestStatus.QUOTAEXCEEDED, engine.evaluate(item).requestStatus(), "the quota carried over too");
    }

    @Test
    void anAcceptedPolicyWithANewLimitGivesThatSenderNewState() throws Exception {
        FilterEngine engine = exhausted();
        installer.install(compile(LIMITED.replace("per-second: 1, burst: 2", "per-second: 1, burst: 5")), engine);
        assertTrue(engine.evaluate(item).allowed());
    }

    @Test
    void aCompiledPolicyIsCheckedAndExplainedWithoutLimiterState() throws Exception {
        CompiledPolicy compiled = compile(LIMITED);
        assertFalse(compiled.limitersBound());
        Explanation e = compiled.explain(item, time);
        assertTrue(e.verdict().allowed());
        assertTrue(e.steps().contains("within rate 1.0/s, burst 2"), e.steps().toString());
        assertTrue(e.steps().contains("within quota: 0 of 3 used this period"), e.steps().toString());
        assertThrows(IllegalStateException.class, () -> compiled.evaluate(item, time, true, null), "it counts nothing");
        assertThrows(IllegalArgumentException.class, () -> new FilterEngine(compiled, time), "nor is it enforced");
        assertTrue(installer.bind(compiled).limitersBound());
    }
}

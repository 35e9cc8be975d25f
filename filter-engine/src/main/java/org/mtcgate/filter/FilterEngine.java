package org.mtcgate.filter;

import org.mtcgate.filter.policy.CompiledPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides on every inbound SM and trigger. The policy in force is an immutable snapshot behind one volatile
 * reference: evaluation takes no lock, and a reload swaps the whole snapshot at once, so no verdict ever sees
 * half of one policy and half of another.
 */
public final class FilterEngine {
    private final TimeSource time;
    private volatile CompiledPolicy policy;

    public FilterEngine(CompiledPolicy initial, TimeSource time) {
        this.policy = Objects.requireNonNull(initial, "initial policy");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Decides, counting the item against its sender's rate and quota. Safe from any thread; allocates nothing. */
    public Verdict evaluate(InboundItem item) {
        return policy.evaluate(item, time, true, null);
    }

    /** The decision the item would get now, step by step, without using up rate or quota. */
    public Explanation explain(InboundItem item) {
        List<String> steps = new ArrayList<>();
        Verdict verdict = policy.evaluate(item, time, false, steps::add);
        return new Explanation(verdict, steps);
    }

    /** Puts a new policy in force; returns the one it replaced. */
    public CompiledPolicy install(CompiledPolicy next) {
        CompiledPolicy previous = policy;
        policy = Objects.requireNonNull(next, "policy");
        return previous;
    }

    public CompiledPolicy policy() {
        return policy;
    }
}

package org.mtcgate.filter;

import java.util.Objects;

/**
 * Decides on every inbound SM and trigger. The policy in force is an immutable snapshot behind one volatile
 * reference: evaluation takes no lock, and a reload swaps the whole snapshot at once, so no verdict ever sees
 * half of one policy and half of another.
 */
public final class FilterEngine {
    private final TimeSource time;
    private volatile Policy policy;

    public FilterEngine(Policy initial, TimeSource time) {
        this.policy = enforceable(initial);
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Decides, counting the item against its sender's rate and quota. Safe from any thread; allocates nothing. */
    public Verdict evaluate(InboundItem item) {
        return policy.evaluate(item, time, true, null);
    }

    /** The decision the item would get now, step by step, without using up rate or quota. */
    public Explanation explain(InboundItem item) {
        return policy.explain(item, time);
    }

    /** Puts a new policy in force; returns the one it replaced. */
    public Policy install(Policy next) {
        Policy previous = policy;
        policy = enforceable(next);
        return previous;
    }

    public Policy policy() {
        return policy;
    }

    private static Policy enforceable(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        if (!policy.limitersBound()) {
            // A compiled policy counts nothing until it is installed with its senders' rate and quota state.
            throw new IllegalArgumentException("policy " + policy.source() + " has no rate and quota state bound");
        }
        return policy;
    }
}

package org.mtcgate.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link FilterEngine} needs of a policy. The engine sits below the policy packages (they use its value
 * types), so it knows a policy only through this interface and never the compiled form.
 */
public interface Policy {
    /** Where the policy was read from. */
    String source();

    /** A digest of the policy's text, to tell versions apart in audit and on the console. */
    String digest();

    /** The item's kind under this policy (a policy may raise it, e.g. for trigger ports). */
    MessageKind kindOf(InboundItem item);

    /**
     * Decides on one item; with {@code consume} false, rate and quota are only looked at (for explain).
     * {@code trace} is null on the hot path.
     */
    Verdict evaluate(InboundItem item, TimeSource time, boolean consume, Trace trace);

    /** Whether rate and quota state is bound, so that the policy can count items and be enforced. */
    boolean limitersBound();

    /** The decision the item would get now, step by step, using up no rate or quota. */
    default Explanation explain(InboundItem item, TimeSource time) {
        List<String> steps = new ArrayList<>();
        Verdict verdict = evaluate(item, time, false, steps::add);
        return new Explanation(verdict, steps);
    }
}

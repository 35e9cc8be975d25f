package org.mtcgate.filter;

import java.util.List;

/**
 * The rule path behind a verdict, for operators: each step the engine took and the verdict it reached.
 *
 * @param verdict what the item would get now
 * @param steps   the decision, step by step
 */
public record Explanation(Verdict verdict, List<String> steps) {
    public Explanation {
        steps = List.copyOf(steps);
    }

    @Override
    public String toString() {
        return String.join("\n", steps);
    }
}

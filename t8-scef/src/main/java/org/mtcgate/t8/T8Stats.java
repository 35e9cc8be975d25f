package org.mtcgate.t8;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Counters of the T8 endpoint: what was served and every refusal by its reason, for the console and tests. */
public final class T8Stats {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final T8RefusalListener refusals;

    T8Stats(T8RefusalListener refusals) {
        this.refusals = refusals;
    }

    /** A security refusal: counted under its rule and passed to the audit. */
    void refused(String who, String rule, String reason) {
        count(rule);
        refusals.refused(who, "t8-" + rule, reason);
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    public long get(String what) {
        LongAdder a = counters.get(what);
        return a == null ? 0 : a.sum();
    }

    /** One line, counters sorted by name. */
    public void lines(Consumer<String> out) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((k, v) -> sorted.put(k, v.sum()));
        out.accept("T8: " + (sorted.isEmpty() ? "nothing yet" : sorted.toString().replaceAll("[{}]", "")));
    }
}

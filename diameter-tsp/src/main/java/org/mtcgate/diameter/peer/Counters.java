package org.mtcgate.diameter.peer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe event counters; a connection's counters also feed the node's totals. */
public final class Counters {
    private final Map<Counter, LongAdder> values = new EnumMap<>(Counter.class);
    private final Counters parent;

    public Counters(Counters parent) {
        this.parent = parent;
        for (Counter c : Counter.values()) {
            values.put(c, new LongAdder());
        }
    }

    public void increment(Counter c) {
        values.get(c).increment();
        if (parent != null) {
            parent.increment(c);
        }
    }

    public long get(Counter c) {
        return values.get(c).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (v.sum() != 0) {
                sb.append(k).append('=').append(v.sum()).append(' ');
            }
        });
        return sb.append('}').toString();
    }
}

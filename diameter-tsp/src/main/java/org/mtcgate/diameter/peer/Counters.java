package org.mtcgate.diameter.peer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Thread-safe event counters; a connection's counters also feed the node's totals. */
public final class Counters {
    private final Map<Counter, LongAdder> values = new EnumMap<>(Counter.class);
    private final Counters parent;
    private final List<Consumer<Counter>> listeners = new CopyOnWriteArrayList<>();

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
        for (Consumer<Counter> l : listeners) {
            l.accept(c);
        }
    }

    /** Called on every increment, on the thread that counted (often an event loop: do not block). */
    public void addListener(Consumer<Counter> listener) {
        listeners.add(listener);
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

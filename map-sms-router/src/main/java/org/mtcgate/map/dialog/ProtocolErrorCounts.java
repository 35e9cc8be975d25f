package org.mtcgate.map.dialog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One running count per {@link ProtocolError}, for the router's and the MO path's counters. */
public final class ProtocolErrorCounts {
    private final Map<ProtocolError, LongAdder> counts = new EnumMap<>(ProtocolError.class);

    public ProtocolErrorCounts() {
        for (ProtocolError e : ProtocolError.values()) {
            counts.put(e, new LongAdder());
        }
    }

    public void increment(ProtocolError error) {
        counts.get(error).increment();
    }

    /** Every error's count now, zero included; unmodifiable. */
    public Map<ProtocolError, Long> snapshot() {
        Map<ProtocolError, Long> out = new EnumMap<>(ProtocolError.class);
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return Collections.unmodifiableMap(out);
    }
}

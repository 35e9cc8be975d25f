package org.mtcgate.map.smsc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mtcgate.map.dialog.ProtocolError;

/** The MO path's running totals. */
public final class MoCounters {
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder blocked = new LongAdder();
    private final Map<ProtocolError, LongAdder> protocolErrors = new EnumMap<>(ProtocolError.class);

    MoCounters() {
        for (ProtocolError e : ProtocolError.values()) {
            protocolErrors.put(e, new LongAdder());
        }
    }

    void protocolError(ProtocolError error) {
        protocolErrors.get(error).increment();
    }

    public Snapshot snapshot() {
        Map<ProtocolError, Long> errors = new EnumMap<>(ProtocolError.class);
        protocolErrors.forEach((k, v) -> errors.put(k, v.sum()));
        return new Snapshot(received.sum(), accepted.sum(), blocked.sum(), Collections.unmodifiableMap(errors));
    }

    /**
     * @param received       MO-ForwardSM taken on
     * @param accepted       allowed by the filter and taken by the sink
     * @param blocked        refused by the filter
     * @param protocolErrors every {@link ProtocolError}, zero included
     */
    public record Snapshot(long received, long accepted, long blocked, Map<ProtocolError, Long> protocolErrors) {
        public long protocolErrors(ProtocolError error) {
            return protocolErrors.getOrDefault(error, 0L);
        }
    }
}

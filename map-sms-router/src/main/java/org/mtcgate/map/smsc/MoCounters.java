package org.mtcgate.map.smsc;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.ProtocolErrorCounts;

/** The MO path's running totals. */
public final class MoCounters {
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder blocked = new LongAdder();
    private final ProtocolErrorCounts protocolErrors = new ProtocolErrorCounts();

    MoCounters() {
    }

    void protocolError(ProtocolError error) {
        protocolErrors.increment(error);
    }

    public Snapshot snapshot() {
        return new Snapshot(received.sum(), accepted.sum(), blocked.sum(), protocolErrors.snapshot());
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

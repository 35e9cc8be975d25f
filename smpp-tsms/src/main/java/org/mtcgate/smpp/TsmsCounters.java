package org.mtcgate.smpp;

import java.util.concurrent.atomic.LongAdder;

/** What the Tsms server has done since it started, for the console's {@code show stats}. */
public final class TsmsCounters {
    final LongAdder binds = new LongAdder();
    final LongAdder bindRefusals = new LongAdder();
    final LongAdder submits = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder blocked = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder receiptsSent = new LongAdder();
    final LongAdder receiptsLost = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder moDelivered = new LongAdder();
    final LongAdder moNotDelivered = new LongAdder();

    /** One reading of every counter. */
    public record Snapshot(long binds, long bindRefusals, long submits, long accepted, long blocked, long refused,
                           long throttled, long receiptsSent, long receiptsLost, long connectionsRefused,
                           long moDelivered, long moNotDelivered) {
    }

    public Snapshot snapshot() {
        return new Snapshot(binds.sum(), bindRefusals.sum(), submits.sum(), accepted.sum(), blocked.sum(), refused.sum(),
                throttled.sum(), receiptsSent.sum(), receiptsLost.sum(), connectionsRefused.sum(), moDelivered.sum(),
                moNotDelivered.sum());
    }
}

package org.mtcgate.map.router;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.dialog.ProtocolErrorCounts;

/** The router's running totals; {@link #snapshot()} reads them all at once (each value exact, not atomic as a set). */
public final class RouterCounters {
    final LongAdder sriReceived = new LongAdder();
    final LongAdder correlationsCreated = new LongAdder();
    final LongAdder hlrErrors = new LongAdder();
    final LongAdder mtReceived = new LongAdder();
    final LongAdder blocked = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder deliveryErrors = new LongAdder();
    final LongAdder otherNodeTried = new LongAdder();
    final LongAdder reportsReceived = new LongAdder();
    final LongAdder reportsRelayed = new LongAdder();
    private final ProtocolErrorCounts protocolErrors = new ProtocolErrorCounts();

    RouterCounters() {
    }

    void protocolError(ProtocolError error) {
        protocolErrors.increment(error);
    }

    public Snapshot snapshot() {
        return new Snapshot(sriReceived.sum(), correlationsCreated.sum(), hlrErrors.sum(), mtReceived.sum(),
                blocked.sum(), delivered.sum(), deliveryErrors.sum(), otherNodeTried.sum(), protocolErrors.snapshot(),
                reportsReceived.sum(), reportsRelayed.sum());
    }

    /**
     * @param sriReceived         SRI-for-SM taken on
     * @param correlationsCreated SRI-for-SM answered with a correlation ID
     * @param hlrErrors           SRI-for-SM answered with the HLR's MAP error, relayed
     * @param mtReceived          MT-ForwardSM taken on
     * @param blocked             MT SMs refused by the filter
     * @param delivered           MT SMs the serving node accepted
     * @param deliveryErrors      forwarded MT SMs the serving node refused (MAP error) or never answered
     * @param otherNodeTried      MT SMs sent on to the SGSN after the MSC found the UE absent or unknown there
     * @param protocolErrors      every {@link ProtocolError}, zero included
     * @param reportsReceived     ReportSM-DeliveryStatus taken on
     * @param reportsRelayed      ReportSM-DeliveryStatus relayed to the HLR and its result relayed back
     */
    public record Snapshot(long sriReceived, long correlationsCreated, long hlrErrors, long mtReceived, long blocked,
                           long delivered, long deliveryErrors, long otherNodeTried, Map<ProtocolError, Long> protocolErrors,
                           long reportsReceived, long reportsRelayed) {
        /** Without ReportSM-DeliveryStatus counts (differences of two snapshots, say). */
        public Snapshot(long sriReceived, long correlationsCreated, long hlrErrors, long mtReceived, long blocked,
                        long delivered, long deliveryErrors, long otherNodeTried, Map<ProtocolError, Long> protocolErrors) {
            this(sriReceived, correlationsCreated, hlrErrors, mtReceived, blocked, delivered, deliveryErrors,
                    otherNodeTried, protocolErrors, 0, 0);
        }

        public long protocolErrors(ProtocolError error) {
            return protocolErrors.getOrDefault(error, 0L);
        }
    }
}

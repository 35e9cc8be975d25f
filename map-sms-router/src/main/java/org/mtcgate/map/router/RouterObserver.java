package org.mtcgate.map.router;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.routing.Correlation;
import org.mtcgate.map.dialog.ProtocolError;

/**
 * What the SMS Router reports, for the audit log and metrics. Called on jSS7 threads after the dialog has been
 * answered: implementations must be quick and must not block. Items carry the real IMSI: mask it when logging
 * ({@link org.mtcgate.filter.Imsi#masked()}, {@link InboundItem#describe()} does).
 */
public interface RouterObserver {
    RouterObserver NONE = new RouterObserver() {
    };

    /** An SRI-for-SM was answered with this correlation ID in place of the IMSI and the router as serving node. */
    default void correlationCreated(Correlation correlation) {
    }

    /** An MT SM passed the filter, was forwarded with the real IMSI, and this is what the serving node said. */
    default void smForwarded(InboundItem item, Verdict verdict, ForwardOutcome outcome) {
    }

    /** An MT SM was refused by the filter and answered with facilityNotSupported. */
    default void smBlocked(InboundItem item, Verdict verdict) {
    }

    /** A dialog was answered with an error or an abort for a protocol reason; counted under error.counterName(). */
    default void protocolError(ProtocolError error, String detail) {
    }
}

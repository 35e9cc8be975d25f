package org.mtcgate.map.smsc;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;
import org.mtcgate.map.dialog.ProtocolError;

/**
 * What the SMS-SC's MO path reports, for the audit log and metrics; called on jSS7 threads just before the
 * answer is sent: quick, no blocking.
 */
public interface MoObserver {
    MoObserver NONE = new MoObserver() {
    };

    /** The filter allowed the MO SM and the sink took it. */
    default void accepted(InboundItem item, Verdict verdict) {
    }

    /** The filter refused the MO SM (answered with facilityNotSupported). */
    default void blocked(InboundItem item, Verdict verdict) {
    }

    /** A dialog got an error or abort for a protocol reason, or the sink failed; counted under its counterName(). */
    default void protocolError(ProtocolError error, String detail) {
    }
}

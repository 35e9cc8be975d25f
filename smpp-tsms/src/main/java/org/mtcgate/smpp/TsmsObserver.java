package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Verdict;

/**
 * What the Tsms server reports, for the audit log and metrics. Called on the server's session threads, just
 * before the answer goes out: quick, no blocking.
 */
public interface TsmsObserver {
    TsmsObserver NONE = new TsmsObserver() {
    };

    /** An SME bound. */
    default void bound(String systemId, String peer, BindKind kind) {
    }

    /** A bind was refused with {@code status}; {@code systemId} is as the peer wrote it. */
    default void bindRefused(String systemId, String peer, int status, String rule, String reason) {
    }

    /** The filter allowed the SM and the SMS-SC stored it. */
    default void accepted(InboundItem item, Verdict verdict) {
    }

    /** The filter refused the SM; nothing was stored. */
    default void blocked(InboundItem item, Verdict verdict) {
    }

    /** The SM was refused outside the filter (throttled, malformed, not carriable, unknown subscriber, ...). */
    default void refused(String systemId, String peer, int status, String rule, String reason) {
    }
}

package org.mtcgate.map.router;

import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;

/**
 * Refusals the router decides before the filter, from the network address an MT-ForwardSM came from. They are
 * reported as verdicts (with the item, when its TPDU decodes) so that each leaves one audit line with its rule.
 */
final class LinkVerdicts {
    /** MT-ForwardSM for a correlation ID from another calling GT or link than the SRI-for-SM that got it. */
    static final Verdict CORRELATION_ELSEWHERE = Verdict.block("correlation-elsewhere",
            "the MT Correlation ID was issued to another SCCP calling GT or link than this MT-ForwardSM came from",
            RequestStatus.NOTAUTHORIZED);

    private LinkVerdicts() {
    }
}

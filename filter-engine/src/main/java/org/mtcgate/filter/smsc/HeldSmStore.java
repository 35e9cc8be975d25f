package org.mtcgate.filter.smsc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port: where the SMS-SC keeps its SMs. A put completes once the SM would survive a crash; only then is it
 * acknowledged to the submitter. Keyed operations only, so a store shared by several nodes can implement it.
 */
public interface HeldSmStore {
    CompletionStage<Void> put(HeldSm sm);

    Optional<HeldSm> find(SmId id);

    /** Every SM not yet finished, to resume after a restart. */
    List<HeldSm> unfinished();
}

package org.mtcgate.core.store;

import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.HeldSmStore;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The SMS-SC's store as the node manages it: the domain port plus what housekeeping and the console need. */
public interface SmscStore extends HeldSmStore, AutoCloseable {
    /** Every SM with this reference, whoever submitted it (for the console). */
    List<HeldSm> byReference(long reference);

    /** Forgets finished SMs that no resubmission can need any more; completes with how many. */
    CompletionStage<Integer> purgeFinished(Instant now);

    @Override
    void close();
}

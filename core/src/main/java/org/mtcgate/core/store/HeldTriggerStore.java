package org.mtcgate.core.store;

import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerStore;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A role's store of held triggers as the node manages it: the domain's {@link TriggerStore} plus what
 * housekeeping and the console need. Every operation is keyed or asynchronous, so a store shared by several
 * nodes can implement it without a global lock.
 */
public interface HeldTriggerStore extends TriggerStore, AutoCloseable {
    /** Every trigger with this Reference-Number, whatever SCS sent it (for the console). */
    List<DeviceTrigger> byReference(long referenceNumber);

    /** Forgets finished triggers that no resent request can need any more; completes with how many. */
    CompletionStage<Integer> purgeFinished(Instant now);

    @Override
    void close();
}

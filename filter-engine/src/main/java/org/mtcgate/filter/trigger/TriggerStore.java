package org.mtcgate.filter.trigger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port: accepted triggers and their state. {@link #put} completes only once the trigger is durable, so a
 * trigger the SCS was told about is never lost by a restart. Kept narrow so a clustered store can serve it.
 */
public interface TriggerStore {
    /** Stores or overwrites the trigger; completes when it is durable. */
    CompletionStage<Void> put(DeviceTrigger trigger);

    Optional<DeviceTrigger> find(TriggerId id);

    /** Triggers not yet finished, for resubmission after a restart and for the console. */
    List<DeviceTrigger> unfinished();
}

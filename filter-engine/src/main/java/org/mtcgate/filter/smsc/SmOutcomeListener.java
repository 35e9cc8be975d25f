package org.mtcgate.filter.smsc;

import java.util.concurrent.CompletionStage;

/** Hears the final outcome of an SM; completes with whether the submitter knew the SM. */
@FunctionalInterface
public interface SmOutcomeListener {
    CompletionStage<Boolean> onOutcome(SmId id, SmOutcome outcome);
}

package org.mtcgate.filter.trigger;

import java.util.concurrent.CompletionStage;

/**
 * Hears the final outcome of a submitted trigger: from T4 (a DRR from an external SMS-SC) or from the node's
 * own SMS-SC. {@link DeviceTriggering#onDeliveryReport} is the MTC-IWF's; the stage completes with false when
 * the trigger was unknown or already finished.
 */
@FunctionalInterface
public interface DeliveryReportListener {
    CompletionStage<Boolean> onDeliveryReport(TriggerId trigger, DeliveryOutcome outcome);
}

package org.mtcgate.filter.trigger;

import java.util.concurrent.CompletionStage;

/**
 * Port: hands triggers to an SMS-SC (T4 DTR, or the node's own SMS-SC role). Delivery reports come back
 * later through {@link DeviceTriggering#onDeliveryReport}.
 */
public interface TriggerSubmitter {
    CompletionStage<SubmissionResult> submit(DeviceTrigger trigger);

    /** Deletes a pending trigger (T4 Trigger-Action recall). */
    CompletionStage<SubmissionResult> recall(DeviceTrigger pending);

    /** Puts {@code replacement} in place of the pending {@code original} (T4 Trigger-Action replace). */
    CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement);
}

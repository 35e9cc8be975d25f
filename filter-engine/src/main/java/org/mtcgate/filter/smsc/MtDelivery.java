package org.mtcgate.filter.smsc;

import org.mtcgate.filter.trigger.DeviceTrigger;

import java.util.concurrent.CompletionStage;

/**
 * Port: one attempt to deliver a trigger SM to the UE's serving node (MAP MT-ForwardSM). The stage completes
 * normally with the attempt's outcome, never exceptionally.
 */
public interface MtDelivery {
    CompletionStage<DeliveryAttempt> deliver(DeviceTrigger trigger);
}

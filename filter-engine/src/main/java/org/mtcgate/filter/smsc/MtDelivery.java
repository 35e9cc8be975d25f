package org.mtcgate.filter.smsc;

import java.util.concurrent.CompletionStage;

/**
 * Port: one attempt to deliver an SM to the UE's serving node (MAP MT-ForwardSM today; SGd next). The stage
 * completes normally with the attempt's outcome, never exceptionally.
 */
public interface MtDelivery {
    CompletionStage<DeliveryAttempt> deliver(HeldSm sm);
}

package org.mtcgate.map.smsc;

import java.util.concurrent.CompletionStage;

/**
 * Port: where the SMS-SC puts the MO SMs the filter allowed (store and forward, an SME interface, ...). The
 * MO-ForwardSM is answered with a result once the stage completes normally; a failed stage is answered with
 * SM-DeliveryFailure (sc-Congestion), so the UE may retry. Called on jSS7 threads: return at once, do the work
 * elsewhere.
 */
@FunctionalInterface
public interface MoSmSink {
    CompletionStage<Void> accept(MoShortMessage sm);
}

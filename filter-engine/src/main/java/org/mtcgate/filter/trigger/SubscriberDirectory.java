package org.mtcgate.filter.trigger;

import java.util.concurrent.CompletionStage;

/**
 * Port: who is this UE, and may this SCS trigger it? Served by S6m (SIR/SIA towards an HSS) or by the
 * node's embedded subscriber store; both answer asynchronously so callers never block an event loop.
 */
public interface SubscriberDirectory {
    CompletionStage<SubscriberLookup> lookup(UeName ue, String scsIdentity);
}

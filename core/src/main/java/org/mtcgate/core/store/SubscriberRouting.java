package org.mtcgate.core.store;

import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.trigger.SubscriberTable;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Routing information from the embedded subscriber data: what an HLR's SRI-for-SM answer would say. */
final class SubscriberRouting implements RoutingInfo {
    private final SubscriberTable subscribers;

    SubscriberRouting(SubscriberTable subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public CompletionStage<Optional<SmRecipient>> locate(Msisdn msisdn) {
        return CompletableFuture.completedFuture(subscribers.byMsisdn(msisdn)
                .map(s -> new SmRecipient(s.imsi(), s.msisdn(), s.servingNodes())));
    }
}

package org.mtcgate.smpp;

import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.MtDelivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An MT path that delivers every SM at once and remembers what it delivered. */
final class RecordingDelivery implements MtDelivery {
    private final List<HeldSm> delivered = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<DeliveryAttempt> deliver(HeldSm sm) {
        delivered.add(sm);
        return CompletableFuture.completedFuture(DeliveryAttempt.delivered());
    }

    List<HeldSm> delivered() {
        return List.copyOf(delivered);
    }
}

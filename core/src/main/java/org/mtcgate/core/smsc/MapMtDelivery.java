package org.mtcgate.core.smsc;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.MtDelivery;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.map.peer.MapFailure;
import org.mtcgate.map.peer.SmscPeer;
import org.mtcgate.map.tpdu.TpduException;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Delivers held SMs with MAP MT-ForwardSM (TS 29.002 12.9) to the UE's serving MSC, as the HSS named it,
 * and sorts MAP errors into "try again" and "give up" for the store and forward.
 */
public final class MapMtDelivery implements MtDelivery {
    private static final Logger LOG = LogManager.getLogger(MapMtDelivery.class);

    private final SmscPeer smsc;
    private final String originatorAddress;
    private final Clock clock;

    public MapMtDelivery(SmscPeer smsc, String originatorAddress, Clock clock) {
        this.smsc = smsc;
        this.originatorAddress = originatorAddress;
        this.clock = clock;
    }

    @Override
    public CompletionStage<DeliveryAttempt> deliver(HeldSm sm) {
        if (sm.recipient().servingNodes().isEmpty()) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.ABSENT,
                    "the HSS named no serving node"));
        }
        String msc = sm.recipient().servingNodes().get(0);
        byte[] tpdu;
        try {
            tpdu = SmsDeliverTpdu.encode(sm.message(), originatorAddress, clock);
        } catch (TpduException e) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.PERMANENT,
                    "the SM does not fit one SMS-DELIVER: " + e.getMessage()));
        }
        CompletableFuture<Void> sent;
        try {
            sent = smsc.mtForwardSm(sm.recipient().imsi().digits(), msc, tpdu, false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, e.toString()));
        }
        return sent.handle((ok, failure) -> {
            if (failure == null) {
                return DeliveryAttempt.delivered();
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            DeliveryAttempt attempt = classify(cause);
            LOG.debug("MT-ForwardSM of {} to IMSI {}: {}", sm.id(), sm.recipient().imsi().masked(), attempt);
            return attempt;
        });
    }

    /** TS 29.002 error codes: absence and congestion pass, unknown or barred subscribers do not. */
    static DeliveryAttempt classify(Throwable cause) {
        if (!(cause instanceof MapFailure f)) {
            return new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, String.valueOf(cause));
        }
        if (f.kind() != MapFailure.Kind.MAP_ERROR || f.errorCode().isEmpty()) {
            return new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, f.getMessage());
        }
        long code = f.errorCode().getAsLong();
        DeliveryAttempt.Result result = switch ((int) code) {
            case 6, 27 -> DeliveryAttempt.Result.ABSENT;            // absentSubscriberSM, absentSubscriber
            case 31, 32, 34 -> DeliveryAttempt.Result.TEMPORARY;    // busy for MT-SMS, SM delivery failure, system failure
            default -> DeliveryAttempt.Result.PERMANENT;            // unknownSubscriber (1), illegal/barred, unexpected data
        };
        return new DeliveryAttempt(result, f.getMessage());
    }
}

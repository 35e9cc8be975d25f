package org.mtcgate.map.smsc;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.MtDelivery;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.tpdu.TpduException;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Delivers held SMs with MAP MT-ForwardSM (TS 29.002 12.9) to the UE's serving MSC, as the HSS named it,
 * and sorts MAP errors into "try again" and "give up" for the store and forward.
 */
public final class MapMtDelivery implements MtDelivery {
    private static final Logger LOG = LogManager.getLogger(MapMtDelivery.class);

    private final MtForwardSmSender smsc;
    private final String originatorAddress;
    private final Clock clock;

    public MapMtDelivery(MtForwardSmSender smsc, String originatorAddress, Clock clock) {
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
        CompletableFuture<? extends MapOutcome<?>> sent;
        try {
            sent = smsc.send(sm.recipient().imsi().digits(), msc, tpdu, false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, e.toString()));
        }
        return sent.handle((outcome, failure) -> {
            DeliveryAttempt attempt = failure != null
                    ? new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, String.valueOf(failure)) : classify(outcome);
            if (attempt.result() != DeliveryAttempt.Result.DELIVERED) {
                LOG.debug("MT-ForwardSM of {} to IMSI {}: {}", sm.id(), sm.recipient().imsi().masked(), attempt);
            }
            return attempt;
        });
    }

    /** TS 29.002 error codes: absence and congestion pass, unknown or barred subscribers do not. */
    static DeliveryAttempt classify(MapOutcome<?> outcome) {
        if (outcome.kind() == MapOutcome.Kind.RESULT) {
            return DeliveryAttempt.delivered();
        }
        if (outcome.kind() != MapOutcome.Kind.MAP_ERROR) {
            return new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, outcome.describe());
        }
        long code = outcome.errorCode();
        DeliveryAttempt.Result result = switch ((int) code) {
            case 6, 27 -> DeliveryAttempt.Result.ABSENT;            // absentSubscriberSM, absentSubscriber
            case 31, 32, 34 -> DeliveryAttempt.Result.TEMPORARY;    // busy for MT-SMS, SM delivery failure, system failure
            default -> DeliveryAttempt.Result.PERMANENT;            // unknownSubscriber (1), illegal/barred, unexpected data
        };
        return new DeliveryAttempt(result, outcome.describe());
    }
}

package org.mtcgate.diameter.tsp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.DeviceActionResult;
import org.mtcgate.filter.trigger.DeviceTriggering;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The MTC-IWF side of Tsp (TS 29.368): Device-Action requests from SCSs become calls of the device triggering
 * procedure, and its result becomes the DAA. The SCS is the peer its TLS certificate and CER proved it to be.
 */
public final class MtcIwfTspApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(MtcIwfTspApplication.class);
    /** Feature-Supported-In-Final-Target bit 0: the SMS-SC supports recall and replace. */
    private static final long RECALL_REPLACE = 1;

    private final DeviceTriggering triggering;
    private final boolean finalTargetSupportsRecallReplace;
    private final LongAdder refused = new LongAdder();
    private final LongAdder handled = new LongAdder();

    public MtcIwfTspApplication(DeviceTriggering triggering, boolean finalTargetSupportsRecallReplace) {
        this.triggering = triggering;
        this.finalTargetSupportsRecallReplace = finalTargetSupportsRecallReplace;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        if (request.commandCode() != CommandCodes.DEVICE_ACTION) {
            // A DNR towards the MTC-IWF has no meaning: the MTC-IWF sends them.
            refused.increment();
            return CompletableFuture.completedFuture(context.answer(request, 3001)
                    .error(true)
                    .avp(BaseAvps.errorMessage("the MTC-IWF accepts only Device-Action requests on Tsp"))
                    .build());
        }
        DeviceActionDecoder.Decoded decoded = DeviceActionDecoder.decode(request, context.peerHost());
        if (decoded instanceof DeviceActionDecoder.Refused r) {
            refused.increment();
            LOG.info("DAR from {} refused with {}: {}", context.peerHost(), r.refusal().resultCode(), r.refusal().message());
            // Still a DAA (TS 29.368 6.2.3): its {Device-Notification} echoes what could be read of the request.
            return CompletableFuture.completedFuture(context.answer(request, r.refusal().resultCode())
                    .avp(TspAvps.authApplicationId())
                    .avp(BaseAvps.authSessionState(1))
                    .avp(BaseAvps.errorMessage(r.refusal().message()))
                    .avp(BaseAvps.failedAvp(r.refusal().failedAvp()))
                    .avp(DeviceNotificationAvp.of(null, null, DeviceActionEcho.referenceNumber(request),
                            DeviceActionEcho.actionType(request), null, null))
                    .build());
        }
        if (decoded instanceof DeviceActionDecoder.Status s) {
            handled.increment();
            return CompletableFuture.completedFuture(daa(request, context, DeviceNotificationAvp.of(null, null,
                    s.referenceNumber(), s.actionType(), s.status().code(), null), false));
        }
        DeviceActionRequest dar = ((DeviceActionDecoder.Request) decoded).request();
        handled.increment();
        return triggering.handle(dar).thenApply(result -> daa(request, context, notification(dar, result),
                dar.actionType() == ActionType.DEVICE_TRIGGER_REQUEST));
    }

    private DiameterMessage daa(DiameterMessage request, RequestContext context, org.mtcgate.diameter.codec.Avp notification,
                                boolean announceFeatures) {
        DiameterMessage.Builder b = context.answer(request, 2001)
                .avp(TspAvps.authApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(notification);
        if (announceFeatures) {
            b.avp(TspAvps.featureSupportedInFinalTarget(finalTargetSupportsRecallReplace ? RECALL_REPLACE : 0));
        }
        return b.build();
    }

    private static org.mtcgate.diameter.codec.Avp notification(DeviceActionRequest dar, DeviceActionResult result) {
        return DeviceNotificationAvp.of(dar.ue(), dar.claimedScsIdentity(), dar.referenceNumber(), dar.actionType().code(),
                result.requestStatus().code(), result.mtcErrorDiagnostic(), null);
    }

    /** DARs refused at the Diameter level (bad AVPs), for metrics. */
    public long refusedCount() {
        return refused.sum();
    }

    /** DARs answered with a Device-Notification. */
    public long handledCount() {
        return handled.sum();
    }
}

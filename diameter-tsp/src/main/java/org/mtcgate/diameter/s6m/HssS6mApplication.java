package org.mtcgate.diameter.s6m;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.SubscriberLookup;
import org.mtcgate.filter.trigger.SubscriberDirectory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HSS side of S6m (TS 29.336 clause 5, subscriber information retrieval) answering SIRs from the subscriber data it is given (the embedded table, or a shared store):
 * unknown UE: Experimental-Result 5001 DIAMETER_ERROR_USER_UNKNOWN; SCS not allowed to trigger the UE: 5510
 * DIAMETER_ERROR_UNAUTHORIZED_REQUESTING_ENTITY; found: 2001 with User-Identifier (User-Name = IMSI, MSISDN,
 * the External-Identifier asked for) and Service-Data/T4-Data with the serving nodes (HSS-Cause absent
 * subscriber when there are none). Register it for {@code ApplicationIds.S6M}.
 */
public final class HssS6mApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(HssS6mApplication.class);

    private final SubscriberDirectory subscribers;
    private final LongAdder requests = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder found = new LongAdder();

    /** @param subscribers the subscriber data it serves (the embedded table, or a shared store) */
    public HssS6mApplication(SubscriberDirectory subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        requests.increment();
        if (request.commandCode() != CommandCodes.SUBSCRIBER_INFORMATION) {
            refused.increment();
            return done(Answers.commandUnsupported(request, context, "this HSS serves Subscriber-Information only"));
        }
        SubscriberInformationQuery query;
        try {
            query = SubscriberInformationQuery.decode(request);
        } catch (DiameterRefusalException e) {
            refused.increment();
            LOG.info("SIR from {} refused with {}: {}", context.peerHost(), e.refusal().resultCode(), e.getMessage());
            return done(Answers.refusal(request, context, e.refusal()));
        }
        return subscribers.lookup(query.ue(), query.scsIdentity()).thenApply(lookup -> answer(request, context, query, lookup));
    }

    private DiameterMessage answer(DiameterMessage request, RequestContext context, SubscriberInformationQuery query,
                                   SubscriberLookup lookup) {
        if (lookup.isFound()) {
            found.increment();
            return found(request, context, query, lookup.subscriber());
        }
        long code = lookup.refusal() == RequestStatus.INVEXTID ? S6mResultCodes.DIAMETER_ERROR_USER_UNKNOWN
                : lookup.refusal() == RequestStatus.NOTAUTHORIZED ? S6mResultCodes.DIAMETER_ERROR_UNAUTHORIZED_REQUESTING_ENTITY
                : -1;
        LOG.info("SIR from {} for {} ({}): {}", context.peerHost(), query.ue(), query.scsIdentity(), lookup.reason());
        if (code < 0) {
            return context.answer(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code())
                    .avp(BaseAvps.authSessionState(1)).build();
        }
        return Answers.experimental(request, context, code)
                .avp(BaseAvps.authSessionState(1))
                .build();
    }

    private static DiameterMessage found(DiameterMessage request, RequestContext context, SubscriberInformationQuery query,
                                         SubscriberInfo info) {
        return context.answer(request, ResultCode.DIAMETER_SUCCESS.code())
                .avp(BaseAvps.authSessionState(1))
                .avp(new UserIdentifier(info.imsi(), info.msisdn(), query.ue().externalId()).toAvp())
                .avp(S6mAvps.serviceDataWithT4(info.servingNodes()))
                .build();
    }

    private static CompletionStage<DiameterMessage> done(DiameterMessage m) {
        return CompletableFuture.completedFuture(m);
    }

    /** SIRs received, whatever became of them. */
    public long requestCount() {
        return requests.sum();
    }

    /** SIRs refused at the Diameter level. */
    public long refusedCount() {
        return refused.sum();
    }

    /** SIRs answered with a subscriber. */
    public long foundCount() {
        return found.sum();
    }
}

package org.mtcgate.diameter.zh;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.gba.aka.HomeAuthentication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HSS side of Zh (TS 29.109, TS 33.220 4.5.2 step 2): a MAR from a BSF gets one Digest-AKAv1-MD5 vector for the
 * IMPI in User-Name; a MAR with RAND || AUTS first re-synchronises SQN (TS 33.102 6.3.5). Unknown IMPI:
 * Experimental-Result 5401; AUTS whose MAC-S does not verify: 4001 DIAMETER_AUTHENTICATION_REJECTED and SQN
 * untouched (this project's choice, gba/PROFILE.md). No GUSS is kept, so none is sent. Register it for
 * {@code ApplicationIds.ZH}. Vectors and keys are never logged.
 */
public final class HssZhApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(HssZhApplication.class);
    static final long DIAMETER_AUTHENTICATION_REJECTED = 4001;

    private final HomeAuthentication home;
    private final LongAdder requests = new LongAdder();
    private final LongAdder vectors = new LongAdder();
    private final LongAdder resyncs = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public HssZhApplication(HomeAuthentication home) {
        this.home = home;
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        requests.increment();
        if (request.commandCode() != CommandCodes.MULTIMEDIA_AUTH) {
            refused.increment();
            return CompletableFuture.completedFuture(
                    Answers.commandUnsupported(request, context, "this HSS serves Multimedia-Auth only on Zh"));
        }
        MultimediaAuthRequest mar;
        try {
            mar = MultimediaAuthRequest.decode(request);
        } catch (DiameterRefusalException e) {
            refused.increment();
            LOG.info("MAR from {} refused with {}: {}", context.peerHost(), e.refusal().resultCode(), e.getMessage());
            return CompletableFuture.completedFuture(head(context.answer(request, e.refusal().resultCode()))
                    .avp(BaseAvps.errorMessage(e.refusal().message()))
                    .avp(BaseAvps.failedAvp(e.refusal().failedAvp()))
                    .build());
        }
        CompletionStage<HomeAuthentication.Outcome> outcome = mar.resync()
                .map(r -> {
                    resyncs.increment();
                    return home.resynchronise(mar.impi(), r.rand(), r.auts());
                })
                .orElseGet(() -> home.vector(mar.impi()));
        return outcome.handle((o, failure) -> failure == null ? answer(request, context, o)
                : failed(request, context, mar, failure));
    }

    private DiameterMessage answer(DiameterMessage request, RequestContext context, HomeAuthentication.Outcome outcome) {
        if (outcome instanceof HomeAuthentication.Issued issued) {
            vectors.increment();
            return head(context.answer(request, ResultCode.DIAMETER_SUCCESS.code()))
                    .avp(ZhAvps.userName(issued.impi()))
                    .avp(ZhAvps.sipAuthDataItem(issued.vector()))
                    .build();
        }
        refused.increment();
        if (outcome instanceof HomeAuthentication.UnknownSubscriber u) {
            LOG.info("MAR from {} for unknown IMPI {}", context.peerHost(), u.impi());
            return head(Answers.experimental(request, context, ZhResultCodes.DIAMETER_ERROR_IMPI_UNKNOWN)).build();
        }
        HomeAuthentication.ResyncRefused r = (HomeAuthentication.ResyncRefused) outcome;
        LOG.warn("MAR from {} for {}: AUTS does not verify (MAC-S); SQN left as it was", context.peerHost(), r.impi());
        return head(context.answer(request, DIAMETER_AUTHENTICATION_REJECTED))
                .avp(BaseAvps.errorMessage("AUTS does not verify")).build();
    }

    private DiameterMessage failed(DiameterMessage request, RequestContext context, MultimediaAuthRequest mar, Throwable t) {
        refused.increment();
        LOG.warn("MAR from {} for {}: no vector: {}", context.peerHost(), mar.impi(), String.valueOf(t));
        return head(context.answer(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code())).build();
    }

    /** VSAI and Auth-Session-State NO_STATE_MAINTAINED, which every MAA carries (gba-facts 6, MAA ABNF). */
    private static DiameterMessage.Builder head(DiameterMessage.Builder b) {
        return b.avp(ZhAvps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1));
    }

    /** MARs received, whatever became of them. */
    public long requestCount() {
        return requests.sum();
    }

    /** Vectors sent. */
    public long vectorCount() {
        return vectors.sum();
    }

    /** MARs that carried RAND || AUTS. */
    public long resyncCount() {
        return resyncs.sum();
    }

    /** MARs answered without a vector. */
    public long refusedCount() {
        return refused.sum();
    }
}

package org.mtcgate.bsf.zn;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.bsf.BootstrapContextStore;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.bootstrap.BootstrapContext;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The BSF side of Zn (TS 29.109; TS 33.220 4.5.3): a NAF asks with a B-TID and its NAF_Id and gets Ks_NAF (GBA_ME;
 * as Ks_ext_NAF for a GBA_U-aware NAF, since this BSF runs GBA_ME only, no UICC-Key-Material), the IMPI, the key
 * expiry and creation times and GBA-Type 3G. Only a peer of role naf reaches this handler (3007 before it); the
 * FQDN of its NAF-Id must be one configured for it, else 5402 DIAMETER_ERROR_NOT_AUTHORIZED; an unknown or
 * expired B-TID gets 5403. Every request goes to the {@link ZnObserver}. Keys are never logged. Register it for
 * {@code ApplicationIds.ZN}.
 */
public final class BsfZnApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(BsfZnApplication.class);

    private final BootstrapContextStore contexts;
    private final NafAuthorisation nafs;
    private final Clock clock;
    private final KeyAnswering answering;

    public BsfZnApplication(BootstrapContextStore contexts, NafAuthorisation nafs, Clock clock, ZnObserver observer) {
        this.contexts = contexts;
        this.nafs = nafs;
        this.clock = clock;
        this.answering = new KeyAnswering("Zn", "BIR", ApplicationIds.ZN, observer::answered, LOG);
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        return answering.answer(request, context, CommandCodes.BOOTSTRAPPING_INFO,
                "this BSF serves Bootstrapping-Info only on Zn", BootstrappingInfoRequest::decode,
                bir -> answerDecoded(request, context, bir));
    }

    private CompletionStage<DiameterMessage> answerDecoded(DiameterMessage request, RequestContext context,
                                                           BootstrappingInfoRequest bir) {
        String btid = bir.btid().value();
        String fqdn = bir.nafId().fqdn();
        if (!nafs.allows(context.peerHost(), fqdn)) {
            String reason = nafs.knows(context.peerHost())
                    ? "NAF-Id " + fqdn + " is not one configured for NAF " + context.peerHost()
                    : "no NAF FQDN is configured for " + context.peerHost();
            return answering.refuseExperimental(request, context, btid, fqdn, "naf-not-authorised",
                    ZnResultCodes.DIAMETER_ERROR_NOT_AUTHORIZED, reason);
        }
        return contexts.find(bir.btid(), clock.instant()).thenApply(found -> answer(request, context, bir, found));
    }

    private DiameterMessage answer(DiameterMessage request, RequestContext context, BootstrappingInfoRequest bir,
                                   Optional<BootstrapContext> found) {
        String btid = bir.btid().value();
        String fqdn = bir.nafId().fqdn();
        if (found.isEmpty()) {
            return answering.refusedExperimental(request, context, btid, fqdn, "btid-unknown",
                    ZnResultCodes.DIAMETER_ERROR_TRANSACTION_IDENTIFIER_INVALID, "no valid bootstrapping context for the B-TID");
        }
        BootstrapContext c = found.get();
        answering.served(context, btid, fqdn);
        LOG.info("Zn: NAF {} got the key of {} for {} ({})", context.peerHost(), btid, fqdn, c.impi());
        return answering.withKey(answering.head(context.answer(request, ResultCode.DIAMETER_SUCCESS.code()))
                        .avp(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(c.impi().value())),
                c.nafKey(bir.nafId()).octets(), c.expiresAt(), c.createdAt());
    }

    /** BIRs received, whatever became of them. */
    public long requestCount() {
        return answering.requestCount();
    }

    /** Keys sent. */
    public long servedCount() {
        return answering.servedCount();
    }

    /** BIRs answered without a key. */
    public long refusedCount() {
        return answering.refusedCount();
    }
}

package org.mtcgate.bsf.zpn;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.bsf.VectorSource;
import org.mtcgate.bsf.zn.KeyAnswering;
import org.mtcgate.bsf.zn.NafAuthorisation;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.push.GbaMode;
import org.mtcgate.gba.push.GpiIssuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The BSF side of Zpn (TS 29.109; TS 33.223): a Push-NAF asks with a UE's private identity, its NAF-Id and P-TID and
 * gets a fresh GPI (the profile of the {@link GpiIssuer}'s codec, not TS 33.223's), Ks_NAF as ME-Key-Material, the
 * key expiry, the creation time, GBA-Type 3G and, when asked, the IMPI. Each GPIR takes one new vector from the
 * {@link VectorSource} (disposable Ks, gba-facts 1.5). Only a peer of role naf reaches this handler (3007 before
 * it); it must be one configured for push and the FQDN of its NAF-Id one configured for it, else 5402; an unknown
 * UE (or a public identity, which this BSF does not resolve) gets 5401; GBA_U gets 5012 (this BSF runs GBA_ME only).
 * The key lives until the requested lifetime or the configured maximum, whichever is sooner. Every request goes to
 * the {@link ZpnObserver}; keys and GPIs are never logged. Register it for {@code ApplicationIds.ZPN}.
 */
public final class BsfZpnApplication implements DiameterRequestHandler {
    private static final Logger LOG = LogManager.getLogger(BsfZpnApplication.class);

    private final VectorSource vectors;
    private final GpiIssuer issuer;
    private final NafAuthorisation pushNafs;
    private final Duration maxLifetime;
    private final Clock clock;
    private final KeyAnswering answering;

    /**
     * @param pushNafs    per Push-NAF Diameter identity, the NAF FQDNs it may ask GPIs for
     * @param maxLifetime the longest NAF key lifetime given, whatever is requested
     */
    public BsfZpnApplication(VectorSource vectors, GpiIssuer issuer, NafAuthorisation pushNafs, Duration maxLifetime,
                             Clock clock, ZpnObserver observer) {
        this.vectors = vectors;
        this.issuer = issuer;
        this.pushNafs = pushNafs;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.answering = new KeyAnswering("Zpn", "GPIR", ApplicationIds.ZPN, observer::answered, LOG);
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        return answering.answer(request, context, CommandCodes.GBA_PUSH_INFO,
                "this BSF serves GBAPush-Info only on Zpn", GbaPushInfoRequest::decode,
                gpir -> answerDecoded(request, context, gpir));
    }

    private CompletionStage<DiameterMessage> answerDecoded(DiameterMessage request, RequestContext context,
                                                           GbaPushInfoRequest gpir) {
        String ue = gpir.ueId();
        String fqdn = gpir.nafId().fqdn();
        if (!pushNafs.allows(context.peerHost(), fqdn)) {
            String reason = pushNafs.knows(context.peerHost())
                    ? "NAF-Id " + fqdn + " is not one configured for Push-NAF " + context.peerHost()
                    : context.peerHost() + " is not configured for GBA Push";
            return answering.refuseExperimental(request, context, ue, fqdn, "push-not-authorised",
                    ZpnResultCodes.DIAMETER_ERROR_NOT_AUTHORIZED, reason);
        }
        if (gpir.mode() != GbaMode.GBA_ME) {
            String reason = "this BSF runs GBA_ME only";
            return answering.refuse(context, ue, fqdn, "gba-u-unsupported", ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(), reason,
                    answering.head(context.answer(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code()))
                            .avp(BaseAvps.errorMessage(reason)).build());
        }
        Instant now = clock.instant();
        if (!gpir.requestedLifetime().isAfter(now)) {
            Avp avp = request.avp(AvpCodes.REQUESTED_KEY_LIFETIME, VendorIds.TGPP).orElseThrow();
            String reason = "Requested-Key-Lifetime " + gpir.requestedLifetime() + " is not in the future";
            return answering.refuse(context, ue, fqdn, "invalid-avp", ResultCode.DIAMETER_INVALID_AVP_VALUE.code(), reason,
                    answering.head(context.answer(request, ResultCode.DIAMETER_INVALID_AVP_VALUE.code()))
                            .avp(BaseAvps.errorMessage(reason)).avp(BaseAvps.failedAvp(avp)).build());
        }
        Optional<Impi> impi = gpir.impi();
        if (impi.isEmpty()) {
            return answering.refuseExperimental(request, context, ue, fqdn, "ue-unknown",
                    ZpnResultCodes.DIAMETER_ERROR_IDENTITY_UNKNOWN,
                    gpir.publicId() ? "this BSF resolves no public identity" : "UE-Id is no IMPI");
        }
        Instant expiry = gpir.requestedLifetime().isBefore(now.plus(maxLifetime)) ? gpir.requestedLifetime()
                : now.plus(maxLifetime);
        return vectors.vector(impi.get()).handle((o, failure) -> failure != null
                ? failed(request, context, gpir, failure)
                : answer(request, context, gpir, o, now, expiry));
    }

    private DiameterMessage answer(DiameterMessage request, RequestContext context, GbaPushInfoRequest gpir,
                                   HomeAuthentication.Outcome o, Instant now, Instant expiry) {
        String fqdn = gpir.nafId().fqdn();
        if (!(o instanceof HomeAuthentication.Issued issued)) {
            return answering.refusedExperimental(request, context, gpir.ueId(), fqdn, "ue-unknown",
                    ZpnResultCodes.DIAMETER_ERROR_IDENTITY_UNKNOWN, "the HSS knows no such IMPI");
        }
        GpiIssuer.Issued gpi = issuer.issue(issued.vector(), issued.impi(), gpir.nafId(), gpir.ptid(), gpir.mode(),
                gpir.appLabel(), expiry);
        answering.served(context, gpir.ueId(), fqdn);
        LOG.info("Zpn: Push-NAF {} got a GPI ({}) for {} and {}", context.peerHost(), issuer.codec().name(),
                issued.impi(), fqdn);
        DiameterMessage.Builder b = answering.head(context.answer(request, ResultCode.DIAMETER_SUCCESS.code()));
        if (gpir.wantsPrivateId()) {
            b.avp(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(issued.impi().value()));
        }
        return answering.withKey(b.avp(TgppAvps.tgpp(AvpCodes.GBA_PUSH_INFO).octets(gpi.gpi())),
                gpi.sa().key().octets(), expiry, now);
    }

    private DiameterMessage failed(DiameterMessage request, RequestContext context, GbaPushInfoRequest gpir, Throwable t) {
        answering.refused(context, gpir.ueId(), gpir.nafId().fqdn(), "no-vector", ResultCode.DIAMETER_UNABLE_TO_COMPLY.code(),
                "no vector from the HSS: " + t);
        return answering.head(context.answer(request, ResultCode.DIAMETER_UNABLE_TO_COMPLY.code())).build();
    }

    public long requestCount() {
        return answering.requestCount();
    }

    public long servedCount() {
        return answering.servedCount();
    }

    public long refusedCount() {
        return answering.refusedCount();
    }
}

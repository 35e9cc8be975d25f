package org.mtcgate.bsf.zn;

import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.s6m.TgppAvps;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What the BSF's two key interfaces (Zn, Zpn; TS 29.109) do alike around their own checks: count requests, serve
 * and refuse; tell every outcome to the observer and log it (never a key); put the 3GPP VSAI of the interface on
 * every answer; refuse another command with 3001 and an undecodable request with its Result-Code and Failed-AVP.
 * Here with Zn, as Zpn takes its NAF authorisation from here too; not in org.mtcgate.bsf, which stays protocol-free.
 */
public final class KeyAnswering {
    /** Each request's outcome, as {@code ZnObserver} and {@code ZpnObserver} take it. */
    @FunctionalInterface
    public interface Outcomes {
        void answered(String naf, String subject, String nafFqdn, String outcome, long code, String reason);
    }

    private static final int GBA_TYPE_3G = 0;

    private final String interfaceName;
    private final String requestName;
    private final long applicationId;
    private final Outcomes outcomes;
    private final Logger log;
    private final LongAdder requests = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /**
     * @param interfaceName "Zn" or "Zpn", for the log
     * @param requestName   the request's short name ("BIR", "GPIR"), for the log
     * @param applicationId the Auth-Application-Id of the VSAI every answer carries
     * @param log           the logger of the application, so its name stays the one operators filter on
     */
    public KeyAnswering(String interfaceName, String requestName, long applicationId, Outcomes outcomes, Logger log) {
        this.interfaceName = interfaceName;
        this.requestName = requestName;
        this.applicationId = applicationId;
        this.outcomes = outcomes;
        this.log = log;
    }

    /**
     * Counts the request, refuses another command than {@code command} (3001, {@code otherCommand} the reason) and a
     * request {@code decode} refuses (its Result-Code, Error-Message and Failed-AVP); else answers with {@code then}.
     */
    public <T> CompletionStage<DiameterMessage> answer(DiameterMessage request, RequestContext context, int command,
                                                       String otherCommand, Function<DiameterMessage, T> decode,
                                                       Function<T, CompletionStage<DiameterMessage>> then) {
        requests.increment();
        if (request.commandCode() != command) {
            return refuse(context, null, null, "command-unsupported", 3001, otherCommand,
                    Answers.commandUnsupported(request, context, otherCommand));
        }
        T decoded;
        try {
            decoded = decode.apply(request);
        } catch (DiameterRefusalException e) {
            return refuse(context, null, null, "invalid-avp", e.refusal().resultCode(), e.getMessage(),
                    head(context.answer(request, e.refusal().resultCode()))
                            .avp(BaseAvps.errorMessage(e.refusal().message()))
                            .avp(BaseAvps.failedAvp(e.refusal().failedAvp())).build());
        }
        return then.apply(decoded);
    }

    /** The VSAI every answer of the interface carries. */
    public DiameterMessage.Builder head(DiameterMessage.Builder b) {
        return b.avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, applicationId));
    }

    /**
     * Ends an answer with the key (TS 29.109): Ks_NAF as ME-Key-Material, the key's expiry and creation times and
     * GBA-Type 3G (Wireshark's "3G GBA" 0), the order both BIA and GPIA carry them in.
     */
    public DiameterMessage withKey(DiameterMessage.Builder b, byte[] key, Instant expiry, Instant created) {
        return b.avp(TgppAvps.tgpp(AvpCodes.ME_KEY_MATERIAL).octets(key))
                .avp(TgppAvps.tgpp(AvpCodes.KEY_EXPIRY_TIME).time(expiry))
                .avp(TgppAvps.tgpp(AvpCodes.BOOTSTRAP_INFO_CREATION_TIME).time(created))
                .avp(TgppAvps.tgpp(AvpCodes.GBA_TYPE).integer32(GBA_TYPE_3G))
                .build();
    }

    /** Counts and tells the refusal, then answers with {@code answer}. */
    public CompletionStage<DiameterMessage> refuse(RequestContext context, String subject, String fqdn, String rule,
                                                   long code, String reason, DiameterMessage answer) {
        refused(context, subject, fqdn, rule, code, reason);
        return CompletableFuture.completedFuture(answer);
    }

    /**
     * Counts and tells a refusal with the Experimental-Result {@code code} (a 54xx of TS 29.109), then answers with
     * it.
     */
    public CompletionStage<DiameterMessage> refuseExperimental(DiameterMessage request, RequestContext context,
                                                               String subject, String fqdn, String rule, long code,
                                                               String reason) {
        return CompletableFuture.completedFuture(refusedExperimental(request, context, subject, fqdn, rule, code, reason));
    }

    /** As {@link #refuseExperimental}, for an answer built once the request's lookup has completed. */
    public DiameterMessage refusedExperimental(DiameterMessage request, RequestContext context, String subject,
                                               String fqdn, String rule, long code, String reason) {
        refused(context, subject, fqdn, rule, code, reason);
        return head(Answers.experimental(request, context, code)).build();
    }

    public void refused(RequestContext context, String subject, String fqdn, String rule, long code, String reason) {
        refused.increment();
        outcomes.answered(context.peerHost(), subject, fqdn, rule, code, reason);
        log.info("{}: {} from {} refused with {} ({}): {}", interfaceName, requestName, context.peerHost(), code, rule,
                reason);
    }

    /** Counts and tells a request served (the caller logs what it gave). */
    public void served(RequestContext context, String subject, String fqdn) {
        served.increment();
        outcomes.answered(context.peerHost(), subject, fqdn, "served", ResultCode.DIAMETER_SUCCESS.code(), "");
    }

    /** Requests received, whatever became of them. */
    public long requestCount() {
        return requests.sum();
    }

    /** Keys sent. */
    public long servedCount() {
        return served.sum();
    }

    /** Requests answered without a key. */
    public long refusedCount() {
        return refused.sum();
    }
}

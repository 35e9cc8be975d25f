package org.mtcgate.lab.naf;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NAF side of Zn (TS 29.109; TS 33.220 4.5.3): a Bootstrapping-Info-Request with the B-TID the UE gave and this
 * NAF's NAF_Id, over a {@link DiameterNode} that has the BSF as its peer (mutual TLS, as the BSF requires); the
 * answer read into a {@link Result}. Never logs a key.
 */
public final class ZnClient {
    /** The BSF's Experimental-Result-Codes on Zn (TS 29.109, as the bsf module sends them). */
    static final long NOT_AUTHORIZED = 5402;
    static final long TRANSACTION_IDENTIFIER_INVALID = 5403;
    /** NTP (Time format, RFC 6733 4.3.1) to Unix epoch. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private final DiameterNode node;
    private final String bsfHost;
    private final String bsfRealm;
    private final AtomicLong sessions = new AtomicLong();

    /** @param node started, supporting Zn, with the BSF {@code bsfHost} of realm {@code bsfRealm} as a peer */
    public ZnClient(DiameterNode node, String bsfHost, String bsfRealm) {
        this.node = node;
        this.bsfHost = bsfHost;
        this.bsfRealm = bsfRealm;
    }

    /** What the BSF said. */
    public sealed interface Result permits Granted, UnknownBtid, NotAuthorised, Failed {
    }

    /** Ks_NAF (ME-Key-Material) for the B-TID, the IMPI it belongs to and when it expires. */
    public record Granted(Impi impi, NafKey key, Instant expiresAt) implements Result {
        @Override
        public String toString() {
            return "Granted[" + impi + " until " + expiresAt + "]";
        }
    }

    /** 5403: the BSF holds no valid context for the B-TID; the UE must bootstrap again. */
    public record UnknownBtid(Btid btid) implements Result {
    }

    /** 5402: the BSF does not authorise this NAF for the NAF_Id's FQDN. */
    public record NotAuthorised(String nafFqdn) implements Result {
    }

    /** Anything else: no answer, another result code, an answer without the key. */
    public record Failed(String reason) implements Result {
    }

    /** Asks the BSF for Ks_NAF of {@code btid} for {@code naf}; never fails exceptionally. */
    public CompletionStage<Result> keyFor(Btid btid, NafId naf) {
        DiameterMessage bir = DiameterMessage.request(CommandCodes.BOOTSTRAPPING_INFO, ApplicationIds.ZN, true)
                .avp(BaseAvps.sessionId(node.config().identity().originHost() + ";zn;" + System.currentTimeMillis()
                        + ";" + sessions.incrementAndGet()))
                .avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.ZN))
                .avp(BaseAvps.destinationRealm(bsfRealm))
                .avp(BaseAvps.destinationHost(bsfHost))
                .avp(TgppAvps.tgpp(AvpCodes.TRANSACTION_IDENTIFIER).octets(btid.value().getBytes(StandardCharsets.UTF_8)))
                .avp(TgppAvps.tgpp(AvpCodes.NAF_ID).octets(naf.encoded()))
                .build();
        return node.sendRequest(bir).handle((bia, failure) -> failure != null
                ? new Failed("no answer from the BSF " + bsfHost + ": " + failure.getMessage())
                : read(bia, btid, naf));
    }

    static Result read(DiameterMessage bia, Btid btid, NafId naf) {
        Optional<Avp> rc = bia.avp(AvpCodes.RESULT_CODE);
        if (rc.isEmpty()) {
            Avp code = bia.avp(AvpCodes.EXPERIMENTAL_RESULT)
                    .map(e -> TgppAvps.child(e.groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0)).orElse(null);
            if (code == null) {
                return new Failed("the BIA carries neither Result-Code nor Experimental-Result");
            }
            long c = code.unsigned32();
            if (c == TRANSACTION_IDENTIFIER_INVALID) {
                return new UnknownBtid(btid);
            }
            if (c == NOT_AUTHORIZED) {
                return new NotAuthorised(naf.fqdn());
            }
            return new Failed("the BSF answered Experimental-Result-Code " + c);
        }
        if (rc.get().unsigned32() != 2001) {
            return new Failed("the BSF answered Result-Code " + rc.get().unsigned32()
                    + bia.avp(AvpCodes.ERROR_MESSAGE).map(m -> " (" + m.utf8() + ")").orElse(""));
        }
        Optional<Avp> key = bia.avp(AvpCodes.ME_KEY_MATERIAL, VendorIds.TGPP);
        Optional<Avp> user = bia.avp(AvpCodes.USER_NAME);
        Optional<Avp> expiry = bia.avp(AvpCodes.KEY_EXPIRY_TIME, VendorIds.TGPP);
        if (key.isEmpty() || user.isEmpty() || expiry.isEmpty() || key.get().dataLength() != NafKey.LENGTH) {
            return new Failed("the BIA lacks a 32-octet ME-Key-Material, User-Name or Key-ExpiryTime");
        }
        try {
            return new Granted(new Impi(user.get().utf8()), new NafKey(key.get().data()),
                    Instant.ofEpochSecond(expiry.get().unsigned32() - NTP_TO_UNIX_SECONDS));
        } catch (IllegalArgumentException e) {
            return new Failed("the BIA's User-Name is no IMPI: " + e.getMessage());
        }
    }
}

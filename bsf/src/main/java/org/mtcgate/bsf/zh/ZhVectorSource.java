package org.mtcgate.bsf.zh;

import org.mtcgate.bsf.VectorSource;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.zh.ZhAvps;
import org.mtcgate.diameter.zh.ZhResultCodes;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Res;
import org.mtcgate.gba.aka.AuthenticationVector;
import org.mtcgate.gba.aka.HomeAuthentication;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vectors from an HSS over Zh (TS 29.109; TS 33.220 4.5.2 step 2): a Multimedia-Auth-Request with the IMPI in
 * User-Name and one Digest-AKAv1-MD5 SIP-Auth-Data-Item asked for (with RAND || AUTS in SIP-Authorization to
 * re-synchronise), the answer's SIP-Auth-Data-Item read back into a vector (gba-facts 6: SIP-Authenticate = RAND ||
 * AUTN, SIP-Authorization = XRES, Confidentiality-Key, Integrity-Key). 5401 is an unknown subscriber, 4001 to a
 * re-synchronisation an AUTS that does not verify (as this project's HSS answers); anything else fails the stage,
 * which Ub answers with 503. The vector's SQN is not known here (AK conceals it), so {@code Issued.sqn()} is null.
 */
public final class ZhVectorSource implements VectorSource {
    /** RFC 6733 7.1.4 (the HSS's answer to an AUTS whose MAC-S does not verify). */
    static final long DIAMETER_AUTHENTICATION_REJECTED = 4001;

    private final DiameterNode node;
    private final String hssHost;
    private final String hssRealm;
    private final AtomicLong sessions = new AtomicLong();

    /** @param node a started node that supports Zh and has the HSS {@code hssHost} of {@code hssRealm} as a peer */
    public ZhVectorSource(DiameterNode node, String hssHost, String hssRealm) {
        this.node = node;
        this.hssHost = hssHost;
        this.hssRealm = hssRealm;
    }

    @Override
    public CompletionStage<HomeAuthentication.Outcome> vector(Impi impi) {
        return ask(impi, TgppAvps.tgpp(AvpCodes.SIP_AUTH_DATA_ITEM).grouped(
                TgppAvps.tgpp(AvpCodes.SIP_AUTHENTICATION_SCHEME).utf8(ZhAvps.DIGEST_AKA_V1_MD5)));
    }

    @Override
    public CompletionStage<HomeAuthentication.Outcome> resynchronise(Impi impi, Rand rand, Auts auts) {
        byte[] randAuts = new byte[Rand.LENGTH + Auts.LENGTH];
        System.arraycopy(rand.octets(), 0, randAuts, 0, Rand.LENGTH);
        System.arraycopy(auts.octets(), 0, randAuts, Rand.LENGTH, Auts.LENGTH);
        return ask(impi, ZhAvps.resyncItem(randAuts));
    }

    private CompletionStage<HomeAuthentication.Outcome> ask(Impi impi, Avp item) {
        DiameterMessage mar = DiameterMessage.request(CommandCodes.MULTIMEDIA_AUTH, ApplicationIds.ZH, true)
                .avp(BaseAvps.sessionId(node.config().identity().originHost() + ";zh;" + System.currentTimeMillis() + ";"
                        + sessions.incrementAndGet()))
                .avp(ZhAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm(hssRealm))
                .avp(BaseAvps.destinationHost(hssHost))
                .avp(ZhAvps.userName(impi))
                .avp(TgppAvps.tgpp(AvpCodes.SIP_NUMBER_AUTH_ITEMS).unsigned32(1))
                .avp(item)
                .build();
        return node.sendRequest(mar).thenApply(maa -> read(impi, maa));
    }

    static HomeAuthentication.Outcome read(Impi impi, DiameterMessage maa) {
        Optional<Avp> rc = maa.avp(AvpCodes.RESULT_CODE);
        if (rc.isEmpty()) {
            long code = maa.avp(AvpCodes.EXPERIMENTAL_RESULT)
                    .map(e -> TgppAvps.child(e.groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0))
                    .map(Avp::unsigned32).orElse(0L);
            if (code == ZhResultCodes.DIAMETER_ERROR_IMPI_UNKNOWN) {
                return new HomeAuthentication.UnknownSubscriber(impi);
            }
            throw new ZhException("the HSS answered the MAR with Experimental-Result-Code " + code);
        }
        long code = rc.get().unsigned32();
        if (code == DIAMETER_AUTHENTICATION_REJECTED) {
            return new HomeAuthentication.ResyncRefused(impi);
        }
        if (code != 2001) {
            throw new ZhException("the HSS answered the MAR with Result-Code " + code);
        }
        List<Avp> item = maa.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP)
                .orElseThrow(() -> new ZhException("the MAA carries no SIP-Auth-Data-Item")).groupedAvps();
        Avp authenticate = TgppAvps.child(item, AvpCodes.SIP_AUTHENTICATE);
        Avp xres = TgppAvps.child(item, AvpCodes.SIP_AUTHORIZATION);
        Avp ck = TgppAvps.child(item, AvpCodes.CONFIDENTIALITY_KEY);
        Avp ik = TgppAvps.child(item, AvpCodes.INTEGRITY_KEY);
        if (authenticate == null || xres == null || ck == null || ik == null || authenticate.dataLength() != Rand.LENGTH + Autn.LENGTH) {
            throw new ZhException("the MAA's SIP-Auth-Data-Item lacks RAND || AUTN (32 octets), XRES, CK or IK");
        }
        byte[] ra = authenticate.data();
        try {
            return new HomeAuthentication.Issued(impi, null, new AuthenticationVector(new Rand(Arrays.copyOfRange(ra, 0, Rand.LENGTH)),
                    new Res(xres.data()), new Ck(ck.data()), new Ik(ik.data()), new Autn(Arrays.copyOfRange(ra, Rand.LENGTH, ra.length))));
        } catch (IllegalArgumentException e) {
            throw new ZhException("the MAA's vector cannot be read: " + e.getMessage());
        }
    }

    /** An MAA this BSF cannot use; the message says why (never a key). */
    public static final class ZhException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ZhException(String message) {
            super(message, null, false, false);
        }
    }
}

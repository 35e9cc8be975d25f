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

/**
 * Vectors from an HSS over Zh (TS 29.109; gba-facts 6): a MAR with the IMPI in User-Name (and after a
 * synchronisation failure RAND || AUTS in SIP-Authorization), answered by an MAA whose SIP-Auth-Data-Item carries
 * RAND || AUTN, XRES, CK and IK. 5401 is an unknown subscriber, 4001 to a resynchronisation an AUTS that did not
 * verify; anything else, or an MAA without a whole vector, fails the stage with {@link ZhException}. The SQN of an
 * issued vector stays unknown to the BSF (null in {@link HomeAuthentication.Issued}); nothing here reads it. The
 * {@link DiameterNode} is the caller's, announcing {@code ApplicationIds.ZH} to its HSS peer.
 */
public final class ZhVectorSource implements VectorSource {
    static final long DIAMETER_ERROR_IDENTITY_UNKNOWN = 5401;
    static final long DIAMETER_AUTHENTICATION_REJECTED = 4001;

    private final DiameterNode node;
    private final String hssRealm;
    private final Optional<String> hssHost;

    public ZhVectorSource(DiameterNode node, String hssRealm, Optional<String> hssHost) {
        this.node = node;
        this.hssRealm = hssRealm;
        this.hssHost = hssHost;
    }

    /** The MAR did not bring a vector for a reason other than those {@link HomeAuthentication.Outcome} names. */
    public static final class ZhException extends RuntimeException {
        public ZhException(String message) {
            super(message);
        }
    }

    @Override
    public CompletionStage<HomeAuthentication.Outcome> vector(Impi impi) {
        return node.sendRequest(mar(impi, Optional.empty())).thenApply(a -> read(impi, a, false));
    }

    @Override
    public CompletionStage<HomeAuthentication.Outcome> resynchronise(Impi impi, Rand rand, Auts auts) {
        byte[] randAuts = new byte[Rand.LENGTH + Auts.LENGTH];
        System.arraycopy(rand.octets(), 0, randAuts, 0, Rand.LENGTH);
        System.arraycopy(auts.octets(), 0, randAuts, Rand.LENGTH, Auts.LENGTH);
        return node.sendRequest(mar(impi, Optional.of(randAuts))).thenApply(a -> read(impi, a, true));
    }

    DiameterMessage mar(Impi impi, Optional<byte[]> randAuts) {
        String host = node.config().identity().originHost();
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.MULTIMEDIA_AUTH, ApplicationIds.ZH, true)
                .avp(BaseAvps.sessionId(host + ";zh;" + System.nanoTime()))
                .avp(ZhAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(host))
                .avp(BaseAvps.originRealm(node.config().identity().originRealm()))
                .avp(BaseAvps.destinationRealm(hssRealm));
        hssHost.ifPresent(h -> b.avp(BaseAvps.destinationHost(h)));
        b.avp(ZhAvps.userName(impi));
        randAuts.ifPresent(r -> b.avp(ZhAvps.resyncItem(r)));
        return b.build();
    }

    static HomeAuthentication.Outcome read(Impi impi, DiameterMessage maa, boolean resync) {
        Optional<Avp> result = maa.avp(AvpCodes.RESULT_CODE);
        if (result.isEmpty()) {
            long code = maa.avp(AvpCodes.EXPERIMENTAL_RESULT).map(e -> TgppAvps.child(e.groupedAvps(),
                    AvpCodes.EXPERIMENTAL_RESULT_CODE, 0)).map(Avp::unsigned32).orElse(0L);
            if (code == DIAMETER_ERROR_IDENTITY_UNKNOWN) {
                return new HomeAuthentication.UnknownSubscriber(impi);
            }
            throw new ZhException("the HSS answered the MAR for " + impi + " with Experimental-Result-Code " + code);
        }
        long code = result.get().unsigned32();
        if (resync && code == DIAMETER_AUTHENTICATION_REJECTED) {
            return new HomeAuthentication.ResyncRefused(impi);
        }
        if (code != 2001) {
            throw new ZhException("the HSS answered the MAR for " + impi + " with Result-Code " + code);
        }
        Avp item = maa.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP)
                .orElseThrow(() -> new ZhException("the MAA for " + impi + " carries no SIP-Auth-Data-Item"));
        List<Avp> c = item.groupedAvps();
        byte[] authenticate = octets(c, AvpCodes.SIP_AUTHENTICATE, impi);
        byte[] xres = octets(c, AvpCodes.SIP_AUTHORIZATION, impi);
        byte[] ck = octets(c, AvpCodes.CONFIDENTIALITY_KEY, impi);
        byte[] ik = octets(c, AvpCodes.INTEGRITY_KEY, impi);
        try {
            if (authenticate.length != Rand.LENGTH + Autn.LENGTH) {
                throw new IllegalArgumentException("SIP-Authenticate is RAND || AUTN, 32 octets; got " + authenticate.length);
            }
            AuthenticationVector v = new AuthenticationVector(new Rand(Arrays.copyOf(authenticate, Rand.LENGTH)), new Res(xres),
                    new Ck(ck), new Ik(ik), new Autn(Arrays.copyOfRange(authenticate, Rand.LENGTH, authenticate.length)));
            Impi named = maa.avp(AvpCodes.USER_NAME).map(u -> new Impi(u.utf8())).orElse(impi);
            return new HomeAuthentication.Issued(named, null, v);
        } catch (IllegalArgumentException e) {
            throw new ZhException("the MAA for " + impi + " carries no usable vector: " + e.getMessage());
        }
    }

    private static byte[] octets(List<Avp> children, int code, Impi impi) {
        Avp a = TgppAvps.child(children, code);
        if (a == null) {
            throw new ZhException("the MAA's SIP-Auth-Data-Item for " + impi + " lacks AVP " + code);
        }
        return a.data();
    }
}

package org.mtcgate.diameter.zh;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A Zh MAR as the HSS reads it (TS 29.109; gba-facts 6): the IMPI in User-Name and, after a synchronisation
 * failure at the UE, RAND || AUTS in SIP-Authorization of SIP-Auth-Data-Item. Only translates; a MAR this HSS
 * cannot act on is refused at the Diameter level with the RFC 6733 code and Failed-AVP.
 *
 * @param impi   the subscriber
 * @param resync the UE's RAND and AUTS, when the BSF reports a synchronisation failure
 */
public record MultimediaAuthRequest(Impi impi, Optional<Resync> resync) {
    /** RAND || AUTS from SIP-Authorization: 16 + 14 octets. */
    public record Resync(Rand rand, Auts auts) {
        static final int LENGTH = Rand.LENGTH + Auts.LENGTH;
    }

    /**
     * @throws DiameterRefusalException no User-Name (5005: this HSS resolves no IMPU to an IMPI); a User-Name that
     *                                  is no IMPI, a SIP-Authentication-Scheme other than Digest-AKAv1-MD5, or a
     *                                  SIP-Authorization that is not 30 octets of RAND || AUTS (5004)
     */
    public static MultimediaAuthRequest decode(DiameterMessage mar) {
        Avp userName = mar.avp(AvpCodes.USER_NAME, VendorIds.IETF).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(""),
                        "MAR needs User-Name (the IMPI); this HSS does not resolve a Public-Identity")));
        Impi impi = impi(userName);
        Optional<Avp> item = mar.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP);
        if (item.isEmpty()) {
            return new MultimediaAuthRequest(impi, Optional.empty());
        }
        var children = item.get().groupedAvps();
        Avp scheme = TgppAvps.child(children, AvpCodes.SIP_AUTHENTICATION_SCHEME);
        if (scheme != null && !ZhAvps.DIGEST_AKA_V1_MD5.equalsIgnoreCase(text(scheme))) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(scheme,
                    "this HSS gives Digest-AKAv1-MD5 vectors only"));
        }
        Avp authorization = TgppAvps.child(children, AvpCodes.SIP_AUTHORIZATION);
        if (authorization == null) {
            return new MultimediaAuthRequest(impi, Optional.empty());
        }
        byte[] data = authorization.data();
        if (data.length != Resync.LENGTH) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(authorization,
                    "SIP-Authorization in a MAR is RAND || AUTS, 30 octets; got " + data.length));
        }
        return new MultimediaAuthRequest(impi, Optional.of(new Resync(new Rand(Arrays.copyOfRange(data, 0, Rand.LENGTH)),
                new Auts(Arrays.copyOfRange(data, Rand.LENGTH, Resync.LENGTH)))));
    }

    private static Impi impi(Avp userName) {
        try {
            return new Impi(text(userName));
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(userName, "User-Name is no IMPI: " + e.getMessage()));
        }
    }

    private static String text(Avp avp) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(avp.data())).toString();
        } catch (CharacterCodingException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(avp, "not UTF-8 text"));
        }
    }
}

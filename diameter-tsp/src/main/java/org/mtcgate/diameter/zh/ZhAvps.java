package org.mtcgate.diameter.zh;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.aka.AuthenticationVector;

/** The AVPs of Zh that carry a vector (content mapping of gba-facts 6, as fkgi's BSF reads it). */
public final class ZhAvps {
    /** SIP-Authentication-Scheme of an AKA vector (TS 29.109, TS 33.220 4.5.2). */
    public static final String DIGEST_AKA_V1_MD5 = "Digest-AKAv1-MD5";

    private ZhAvps() {
    }

    /** User-Name (RFC 6733 8.14) carrying the IMPI. */
    public static Avp userName(org.mtcgate.gba.Impi impi) {
        return Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(impi.value());
    }

    public static Avp vendorSpecificApplicationId() {
        return BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.ZH);
    }

    /**
     * SIP-Auth-Data-Item of an MAA: SIP-Authentication-Scheme "Digest-AKAv1-MD5", SIP-Authenticate = RAND || AUTN
     * (32 octets), SIP-Authorization = XRES, Confidentiality-Key = CK, Integrity-Key = IK.
     */
    public static Avp sipAuthDataItem(AuthenticationVector v) {
        byte[] authenticate = new byte[32];
        System.arraycopy(v.rand().octets(), 0, authenticate, 0, 16);
        System.arraycopy(v.autn().octets(), 0, authenticate, 16, 16);
        return TgppAvps.tgpp(AvpCodes.SIP_AUTH_DATA_ITEM).grouped(
                TgppAvps.tgpp(AvpCodes.SIP_AUTHENTICATION_SCHEME).utf8(DIGEST_AKA_V1_MD5),
                TgppAvps.tgpp(AvpCodes.SIP_AUTHENTICATE).octets(authenticate),
                TgppAvps.tgpp(AvpCodes.SIP_AUTHORIZATION).octets(v.xres().octets()),
                TgppAvps.tgpp(AvpCodes.CONFIDENTIALITY_KEY).octets(v.ck().octets()),
                TgppAvps.tgpp(AvpCodes.INTEGRITY_KEY).octets(v.ik().octets()));
    }

    /** The SIP-Auth-Data-Item of a BSF's re-synchronisation: SIP-Authorization = RAND || AUTS (30 octets). */
    public static Avp resyncItem(byte[] randAndAuts) {
        return TgppAvps.tgpp(AvpCodes.SIP_AUTH_DATA_ITEM).grouped(
                TgppAvps.tgpp(AvpCodes.SIP_AUTHENTICATION_SCHEME).utf8(DIGEST_AKA_V1_MD5),
                TgppAvps.tgpp(AvpCodes.SIP_AUTHORIZATION).octets(randAndAuts));
    }
}

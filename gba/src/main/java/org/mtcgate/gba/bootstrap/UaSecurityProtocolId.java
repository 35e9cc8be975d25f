package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.Hex;
import org.mtcgate.gba.OctetValue;

/**
 * The Ua security protocol identifier: an organisation octet and four protocol octets (TS 33.220 H.1), appended
 * to the NAF's FQDN in NAF_Id. The 3GPP values below are those of TS 33.220 H.3 (gba-facts 4.4, VERIFIED).
 */
public final class UaSecurityProtocolId extends OctetValue {
    public static final int LENGTH = 5;
    /** TS 33.221 (certificate enrolment). */
    public static final UaSecurityProtocolId TS_33_221 = ofHex("0100000000");
    /** HTTP digest per TS 24.109. */
    public static final UaSecurityProtocolId HTTP_DIGEST = ofHex("0100000002");
    /** Generic Push Layer, TS 33.224. */
    public static final UaSecurityProtocolId GPL = ofHex("0100000005");
    /** Shared-key TLS 1.3, TS 33.222 5.4.0.2. */
    public static final UaSecurityProtocolId SHARED_KEY_TLS_1_3 = ofHex("0100000007");

    public UaSecurityProtocolId(byte[] octets) {
        super(octets, LENGTH, LENGTH, "Ua security protocol id");
    }

    public static UaSecurityProtocolId ofHex(String hex) {
        return new UaSecurityProtocolId(Hex.decode(hex));
    }

    /** TLS per TS 33.222 5.3/5.4 with the given cipher suite: 01 00 01 yy zz. */
    public static UaSecurityProtocolId tls(int cipherSuite) {
        return new UaSecurityProtocolId(new byte[] {1, 0, 1, (byte) (cipherSuite >>> 8), (byte) cipherSuite});
    }
}

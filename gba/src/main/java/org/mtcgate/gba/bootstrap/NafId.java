package org.mtcgate.gba.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NAF_Id = the NAF's FQDN || Ua security protocol identifier (TS 33.220 4.5.2, B.3): the FQDN as UTF-8 octets
 * and the five identifier octets appended raw (gba-facts 9.2: L3 = 15 + 5 for "naf.example.com").
 */
public record NafId(String fqdn, UaSecurityProtocolId uaProtocol) {
    public NafId {
        if (fqdn == null || fqdn.isEmpty() || fqdn.length() > 255 || uaProtocol == null) {
            throw new IllegalArgumentException("a NAF_Id is an FQDN of 1 to 255 characters and a Ua protocol id");
        }
    }

    /** The octets as the KDF and the NAF-Id AVP carry them. */
    public byte[] encoded() {
        byte[] name = fqdn.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(name, name.length + UaSecurityProtocolId.LENGTH);
        System.arraycopy(uaProtocol.octets(), 0, out, name.length, UaSecurityProtocolId.LENGTH);
        return out;
    }

    /** Reads the octets of a NAF-Id: all but the last five are the FQDN. */
    public static NafId decode(byte[] octets) {
        if (octets.length <= UaSecurityProtocolId.LENGTH) {
            throw new IllegalArgumentException("a NAF_Id is longer than its Ua protocol id");
        }
        int split = octets.length - UaSecurityProtocolId.LENGTH;
        return new NafId(new String(octets, 0, split, StandardCharsets.UTF_8),
                new UaSecurityProtocolId(Arrays.copyOfRange(octets, split, octets.length)));
    }
}

package org.mtcgate.diameter.t4;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of SM-RP-SMEA (AVP 3309; TS 29.338 5.3.3.3: "the RP-Originating SME-address of the Short Message
 * Entity that has originated the SM", formatted as a TS 23.040 address field, like MAP's SM-RP-SMEA): one octet with the number of useful semi-octets, one
 * Type-of-Address octet (bit 8 set, TON in bits 7-5, NPI in bits 4-1), then the digits as swapped BCD padded
 * with F. At most 12 octets (TS 29.002 SM-RP-SMEA SIZE (1..12)). Alphanumeric addresses (TON 5) are carried
 * as received but this node does not build them.
 */
public final class SmeAddress {
    /** TON international, NPI ISDN/E.164. */
    public static final int TOA_INTERNATIONAL = 0x91;
    /** TON unknown, NPI ISDN/E.164: how short codes are usually sent. */
    public static final int TOA_UNKNOWN = 0x81;
    private static final int TON_ALPHANUMERIC = 5;
    private static final int MAX_OCTETS = 12;

    private final byte[] encoded;

    private SmeAddress(byte[] encoded) {
        this.encoded = encoded;
    }

    /** An E.164 number in international format ("491720000999" or "+491720000999"). */
    public static SmeAddress international(String digits) {
        return of(TOA_INTERNATIONAL, digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /** A short code or national number, TON unknown. */
    public static SmeAddress shortCode(String digits) {
        return of(TOA_UNKNOWN, digits);
    }

    private static SmeAddress of(int toa, String digits) {
        if (digits.isEmpty() || digits.length() > 2 * (MAX_OCTETS - 2)) {
            throw new IllegalArgumentException("an SME address has 1 to 20 digits");
        }
        byte[] out = new byte[2 + (digits.length() + 1) / 2];
        out[0] = (byte) digits.length();
        out[1] = (byte) toa;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("'" + digits + "' is not all digits");
            }
            out[2 + i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        if (digits.length() % 2 == 1) {
            out[out.length - 1] |= (byte) 0xF0;
        }
        return new SmeAddress(out);
    }

    /** Checks a received value's structure; refuses what TS 23.040 9.1.2.5 does not allow. */
    public static SmeAddress decode(byte[] value) {
        if (value.length < 2 || value.length > MAX_OCTETS) {
            throw new IllegalArgumentException("an SME address field has 2 to 12 octets, not " + value.length);
        }
        int semiOctets = value[0] & 0xFF;
        int toa = value[1] & 0xFF;
        if ((toa & 0x80) == 0) {
            throw new IllegalArgumentException("Type-of-Address bit 8 is not set");
        }
        if (value.length != 2 + (semiOctets + 1) / 2) {
            throw new IllegalArgumentException("address length " + semiOctets + " does not match " + (value.length - 2) + " octets");
        }
        if (((toa >> 4) & 0x07) != TON_ALPHANUMERIC) {
            for (int i = 0; i < semiOctets; i++) {
                int nibble = i % 2 == 0 ? value[2 + i / 2] & 0x0F : (value[2 + i / 2] >> 4) & 0x0F;
                if (nibble > 9) {
                    throw new IllegalArgumentException("address digit " + (i + 1) + " is not BCD");
                }
            }
        }
        return new SmeAddress(value.clone());
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    /** The digits, or null for an alphanumeric address. */
    public String digits() {
        int toa = encoded[1] & 0xFF;
        if (((toa >> 4) & 0x07) == TON_ALPHANUMERIC) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < (encoded[0] & 0xFF); i++) {
            sb.append((char) ('0' + (i % 2 == 0 ? encoded[2 + i / 2] & 0x0F : (encoded[2 + i / 2] >> 4) & 0x0F)));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmeAddress other && Arrays.equals(other.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        String d = digits();
        return d != null ? "SME " + ((encoded[1] & 0xFF) == TOA_INTERNATIONAL ? "+" : "") + d
                : "SME alphanumeric " + HexFormat.of().formatHex(encoded);
    }
}

package org.mtcgate.map.tpdu;

import java.util.Objects;

/**
 * TP-OA / TP-DA / TP-RA (TS 23.040 9.1.2.5): Address-Length (useful semi-octets), Type-of-Address
 * (1, TON in bits 6-4, NPI in bits 3-0), then the value. For numeric TONs the value is swapped BCD padded
 * with F (9.1.2.3, which also defines '*', '#', 'a', 'b', 'c'); for TON 5 (alphanumeric) it is GSM 7-bit
 * packed text (TS 23.038).
 *
 * @param typeOfNumber           TON, 0..7
 * @param numberingPlan          NPI, 0..15
 * @param value                  digits (numeric TONs) or text (alphanumeric)
 */
public record SmsAddress(int typeOfNumber, int numberingPlan, String value) {
    public static final int TON_UNKNOWN = 0;
    public static final int TON_INTERNATIONAL = 1;
    public static final int TON_NATIONAL = 2;
    public static final int TON_ALPHANUMERIC = 5;
    public static final int NPI_UNKNOWN = 0;
    public static final int NPI_ISDN_TELEPHONY = 1;

    /** Semi-octet symbols of 9.1.2.3, indexed by nibble value; 0xF is the filler. */
    static final String SEMI_OCTETS = "0123456789*#abc";

    /** Longest address value: 20 semi-octets (10 octets, TS 23.040 9.1.2.5). */
    static final int MAX_SEMI_OCTETS = 20;

    public SmsAddress {
        if (typeOfNumber < 0 || typeOfNumber > 7) {
            throw new IllegalArgumentException("TON " + typeOfNumber + " is not 0..7");
        }
        if (numberingPlan < 0 || numberingPlan > 15) {
            throw new IllegalArgumentException("NPI " + numberingPlan + " is not 0..15");
        }
        Objects.requireNonNull(value, "value");
    }

    /** An international E.164 number (Type-of-Address 0x91). */
    public static SmsAddress international(String digits) {
        return new SmsAddress(TON_INTERNATIONAL, NPI_ISDN_TELEPHONY, digits);
    }

    /** An alphanumeric sender name (Type-of-Address 0xD0). */
    public static SmsAddress alphanumeric(String text) {
        return new SmsAddress(TON_ALPHANUMERIC, NPI_UNKNOWN, text);
    }

    public boolean isAlphanumeric() {
        return typeOfNumber == TON_ALPHANUMERIC;
    }

    /** The Type-of-Address octet: extension bit set, TON, NPI. */
    public int typeOfAddress() {
        return 0x80 | (typeOfNumber << 4) | numberingPlan;
    }

    /** Reads an address at the reader's position; {@code field} is "TP-OA" or "TP-DA". */
    static SmsAddress decode(TpduReader in, String field) throws TpduException {
        int start = in.position();
        int semiOctets = in.readOctet(field + " length");
        if (semiOctets > MAX_SEMI_OCTETS) {
            throw new TpduException(field, start,
                    "address length " + semiOctets + " semi-octets exceeds " + MAX_SEMI_OCTETS);
        }
        int toa = in.readOctet(field + " type-of-address");
        byte[] octets = in.readOctets(field + " value", (semiOctets + 1) / 2);
        int ton = (toa >>> 4) & 0x07;
        int npi = toa & 0x0F;
        if (ton == TON_ALPHANUMERIC) {
            return new SmsAddress(ton, npi, Gsm7.toText(Gsm7.unpack(octets, semiOctets * 4 / 7)));
        }
        StringBuilder digits = new StringBuilder(semiOctets);
        for (int i = 0; i < semiOctets; i++) {
            int nibble = (i % 2 == 0) ? octets[i / 2] & 0x0F : (octets[i / 2] >>> 4) & 0x0F;
            if (nibble == 0x0F) {
                throw new TpduException(field, start + 2 + i / 2,
                        "filler semi-octet F inside the " + semiOctets + "-digit address value");
            }
            digits.append(SEMI_OCTETS.charAt(nibble));
        }
        return new SmsAddress(ton, npi, digits.toString());
    }

    /** Address-Length, Type-of-Address and value octets. */
    byte[] encode() throws TpduException {
        byte[] body;
        int semiOctets;
        if (isAlphanumeric()) {
            byte[] septets;
            try {
                septets = Gsm7.toSeptets(value);
            } catch (IllegalArgumentException e) {
                throw new TpduException("address", -1, e.getMessage());
            }
            body = new byte[Gsm7.octetsFor(septets.length)];
            Gsm7.pack(septets, body, 0);
            semiOctets = (septets.length * 7 + 3) / 4;
        } else {
            semiOctets = value.length();
            body = new byte[(semiOctets + 1) / 2];
            for (int i = 0; i < semiOctets; i++) {
                int nibble = SEMI_OCTETS.indexOf(value.charAt(i));
                if (nibble < 0) {
                    throw new TpduException("address", -1, "'" + value.charAt(i) + "' is not a semi-octet digit");
                }
                body[i / 2] |= (byte) (i % 2 == 0 ? nibble : nibble << 4);
            }
            if (semiOctets % 2 == 1) {
                body[body.length - 1] |= (byte) 0xF0;
            }
        }
        if (semiOctets > MAX_SEMI_OCTETS) {
            throw new TpduException("address", -1, "value needs " + semiOctets + " semi-octets, more than 20");
        }
        byte[] out = new byte[2 + body.length];
        out[0] = (byte) semiOctets;
        out[1] = (byte) typeOfAddress();
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}

package org.mtcgate.diameter.tsp;

/**
 * TBCD strings (TS 29.002 17.7.8): two digits an octet, the first in the low nibble, an odd count padded with
 * 0xF. The MSISDN AVP (701) carries an international number this way, with no TON/NPI octet (TS 29.329 6.3.2).
 */
public final class Tbcd {
    private Tbcd() {
    }

    public static byte[] encode(String digits) {
        byte[] out = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("'" + digits + "' is not all digits");
            }
            out[i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        if (digits.length() % 2 == 1) {
            out[out.length - 1] |= (byte) 0xF0;
        }
        return out;
    }

    /** Decodes; a filler is allowed only as the very last nibble, any other non-digit nibble is refused. */
    public static String decode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (int i = 0; i < data.length; i++) {
            int lo = data[i] & 0x0F;
            int hi = (data[i] >> 4) & 0x0F;
            if (lo > 9) {
                throw new IllegalArgumentException("TBCD octet " + i + " has the non-digit nibble " + lo);
            }
            sb.append((char) ('0' + lo));
            if (hi == 0xF && i == data.length - 1) {
                break;
            }
            if (hi > 9) {
                throw new IllegalArgumentException("TBCD octet " + i + " has the non-digit nibble " + hi);
            }
            sb.append((char) ('0' + hi));
        }
        return sb.toString();
    }
}

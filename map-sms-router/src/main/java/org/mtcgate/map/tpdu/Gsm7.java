package org.mtcgate.map.tpdu;

import org.mtcgate.filter.smsc.Gsm7Alphabet;

/**
 * Septet packing (TS 23.038 6.1.2.1.1) for the GSM 7-bit default alphabet, whose table is the domain's
 * ({@link Gsm7Alphabet}). Packing works on septet values; text conversion is a separate step so the TPDU
 * codec never has to decide what characters mean.
 */
public final class Gsm7 {
    private Gsm7() {
    }

    /** Septets {@code [0, count)} packed from bit 0 of {@code packed}; the caller has checked the length. */
    static byte[] unpack(byte[] packed, int count) {
        byte[] septets = new byte[count];
        for (int i = 0; i < count; i++) {
            int bit = i * 7;
            int octet = bit >>> 3;
            int shift = bit & 7;
            int value = (packed[octet] & 0xFF) >>> shift;
            if (shift > 1 && octet + 1 < packed.length) {
                value |= (packed[octet + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }

    /** Writes {@code septets} into {@code packed} starting at septet index {@code firstSeptet}. */
    static void pack(byte[] septets, byte[] packed, int firstSeptet) {
        for (int i = 0; i < septets.length; i++) {
            int value = septets[i] & 0x7F;
            int bit = (firstSeptet + i) * 7;
            int octet = bit >>> 3;
            int shift = bit & 7;
            packed[octet] |= (byte) (value << shift);
            if (shift > 1) {
                packed[octet + 1] |= (byte) (value >>> (8 - shift));
            }
        }
    }

    /** Octets needed for {@code septets} septets. */
    static int octetsFor(int septets) {
        return (septets * 7 + 7) / 8;
    }

    /** Text for septet values; an unknown escape sequence reads as a space (TS 23.038 6.2.1.1). */
    public static String toText(byte[] septets) {
        return Gsm7Alphabet.toText(septets);
    }

    /** Septet values for {@code text}; throws if a character is in neither table. */
    public static byte[] toSeptets(String text) {
        return Gsm7Alphabet.toSeptets(text);
    }
}

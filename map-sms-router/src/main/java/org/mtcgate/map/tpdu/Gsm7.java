package org.mtcgate.map.tpdu;

/**
 * GSM 7-bit default alphabet (TS 23.038 6.2.1, with the 6.2.1.1 extension table) and septet packing
 * (TS 23.038 6.1.2.1.1). Packing works on septet values; text conversion is a separate step so the TPDU
 * codec never has to decide what characters mean.
 */
public final class Gsm7 {
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;
    /** Extension table pairs: septet after ESC, character. */
    private static final String EXTENSION_SEPTETS = "\n\u0014\u0028\u0029\u002F\u003C\u003D\u003E\u0040\u0065";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";

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
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < septets.length) {
                int index = EXTENSION_SEPTETS.indexOf(septets[++i] & 0x7F);
                text.append(index >= 0 ? EXTENSION_CHARS.charAt(index) : ' ');
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    /** Septet values for {@code text}; throws if a character is in neither table. */
    public static byte[] toSeptets(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == '\u001B' ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION_CHARS.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                        + " is not in the GSM 7-bit default alphabet");
            }
            out.write(ESCAPE);
            out.write(EXTENSION_SEPTETS.charAt(extension));
        }
        return out.toByteArray();
    }
}

package org.mtcgate.filter.smsc;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 7-bit default alphabet (TS 23.038 6.2.1, with the 6.2.1.1 extension table) as septet values, one per byte:
 * what a text SM holds at the SMS-SC whatever interface it came in on. Packing septets into octets is the TPDU
 * codec's business, not this one's.
 */
public final class Gsm7Alphabet {
    /** The escape to the extension table; the septet after it names the character. */
    public static final int ESCAPE = 0x1B;
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table pairs: septet after ESC, character. */
    private static final String EXTENSION_SEPTETS = "\n\u0014\u0028\u0029\u002F\u003C\u003D\u003E\u0040\u0065";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {
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

    /** Septet values for {@code text}. @throws IllegalArgumentException naming the first character in neither table */
    public static byte[] toSeptets(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == '\u001B' ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION_CHARS.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException(String.format("character %d ('%s', U+%04X) is not in the GSM 7-bit "
                        + "default alphabet", i + 1, Character.isISOControl(c) ? "" : String.valueOf(c), (int) c));
            }
            out.write(ESCAPE);
            out.write(EXTENSION_SEPTETS.charAt(extension));
        }
        return out.toByteArray();
    }
}

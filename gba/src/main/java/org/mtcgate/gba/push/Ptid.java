package org.mtcgate.gba.push;

import org.mtcgate.gba.Hex;
import org.mtcgate.gba.OctetValue;

import java.nio.charset.StandardCharsets;

/**
 * P-TID, the Push-NAF's identifier of a NAF SA (TS 33.223; NAF-SA-Identifier on Zpn). Opaque octets made by the
 * Push-NAF; this project bounds it to 1..255 octets (gba-facts 2: length not found). The GPI carries it encrypted.
 */
public final class Ptid extends OctetValue {
    public static final int MAX_LENGTH = 255;

    public Ptid(byte[] octets) {
        super(octets, 1, MAX_LENGTH, "P-TID");
    }

    public static Ptid ofText(String text) {
        return new Ptid(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The octets as text when they are printable ASCII, else as hex. */
    public String display() {
        byte[] o = octets();
        for (byte b : o) {
            if (b < 0x20 || b > 0x7E) {
                return Hex.encode(o);
            }
        }
        return new String(o, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "P-TID[" + display() + "]";
    }
}

package org.mtcgate.map.tpdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * TP-User-Data (TS 23.040 9.2.3.24) with its optional header. The body is in the unit TP-UDL counts for the
 * alphabet: one septet value per byte for the GSM 7-bit alphabet, octets for 8-bit data and UCS2.
 *
 * @param characterSet the alphabet the TP-DCS selects; must match the TPDU's TP-DCS
 * @param header       the TP-User-Data-Header, or null when TP-UDHI is 0
 * @param body         septets or octets after the header (and after the fill bits for 7-bit)
 */
public record UserData(CharacterSet characterSet, UserDataHeader header, byte[] body) {
    /** Longest TP-UD in octets (TS 23.040 9.2.3.24: 140 octets, so 160 septets). */
    public static final int MAX_OCTETS = 140;

    public UserData {
        Objects.requireNonNull(characterSet, "characterSet");
        body = body.clone();
        if (characterSet == CharacterSet.GSM_7BIT) {
            for (byte septet : body) {
                if (septet < 0) {
                    throw new IllegalArgumentException("a 7-bit body holds septet values 0..127");
                }
            }
        }
    }

    /** 8-bit data, e.g. a device trigger payload, with an optional header. */
    public static UserData eightBit(UserDataHeader header, byte[] octets) {
        return new UserData(CharacterSet.EIGHT_BIT, header, octets);
    }

    /** Text in the GSM 7-bit default alphabet. */
    public static UserData gsm7(UserDataHeader header, String text) {
        return new UserData(CharacterSet.GSM_7BIT, header, Gsm7.toSeptets(text));
    }

    /** Text in UCS2 (big-endian UTF-16 code units). */
    public static UserData ucs2(UserDataHeader header, String text) {
        return new UserData(CharacterSet.UCS2, header, text.getBytes(StandardCharsets.UTF_16BE));
    }

    public Optional<UserDataHeader> optionalHeader() {
        return Optional.ofNullable(header);
    }

    /** Throws unless TP-DCS {@code dataCodingScheme} selects this user data's alphabet (TS 23.038 clause 4). */
    void requireSelectedBy(int dataCodingScheme) {
        CharacterSet selected = CharacterSet.fromDataCodingScheme(dataCodingScheme);
        if (selected != characterSet) {
            throw new IllegalArgumentException(String.format("TP-DCS %02X selects %s, user data is %s",
                    dataCodingScheme, selected, characterSet));
        }
    }

    public boolean hasHeader() {
        return header != null;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as text for 7-bit and UCS2; 8-bit data has no text and is returned as ISO-8859-1. */
    public String text() {
        return switch (characterSet) {
            case GSM_7BIT -> Gsm7.toText(body);
            case UCS2 -> new String(body, StandardCharsets.UTF_16BE);
            case EIGHT_BIT -> new String(body, StandardCharsets.ISO_8859_1);
        };
    }

    /** Reads TP-UDL and TP-UD (9.2.3.16, 9.2.3.24) to the end of the TPDU. */
    static UserData decode(TpduReader in, CharacterSet characterSet, boolean udhi) throws TpduException {
        int udlOffset = in.position();
        int udl = in.readOctet("TP-UDL");
        boolean septets = characterSet == CharacterSet.GSM_7BIT;
        int octets = septets ? Gsm7.octetsFor(udl) : udl;
        if (octets > MAX_OCTETS) {
            throw new TpduException("TP-UDL", udlOffset, "TP-UDL " + udl + (septets ? " septets" : " octets")
                    + " means " + octets + " octets of TP-UD, more than " + MAX_OCTETS);
        }
        int udOffset = in.position();
        if (octets > in.remaining()) {
            throw new TpduException("TP-UDL", udlOffset, "TP-UDL " + udl + (septets ? " septets" : " octets")
                    + " needs " + octets + " octets of TP-UD at offset " + udOffset + ", only " + in.remaining()
                    + " remain");
        }
        byte[] ud = in.readOctets("TP-UD", octets);
        in.requireEnd();
        UserDataHeader header = udhi ? UserDataHeader.decode(ud, udOffset) : null;
        int headerOctets = udhi ? 1 + (ud[0] & 0xFF) : 0;
        if (!septets) {
            return new UserData(characterSet, header, Arrays.copyOfRange(ud, headerOctets, ud.length));
        }
        // 7-bit: the header is followed by fill bits up to the next septet boundary (9.2.3.24).
        int headerSeptets = (headerOctets * 8 + 6) / 7;
        if (headerSeptets > udl) {
            throw new TpduException("TP-UDL", udlOffset,
                    "TP-UDL " + udl + " septets is shorter than the " + headerSeptets + "-septet UDH");
        }
        byte[] all = Gsm7.unpack(ud, udl);
        return new UserData(characterSet, header, Arrays.copyOfRange(all, headerSeptets, udl));
    }

    /** TP-UDL then TP-UD. */
    byte[] encode() throws TpduException {
        byte[] headerOctets = header == null ? new byte[0] : header.encode();
        byte[] ud;
        int udl;
        if (characterSet == CharacterSet.GSM_7BIT) {
            int headerSeptets = (headerOctets.length * 8 + 6) / 7;
            udl = headerSeptets + body.length;
            ud = new byte[Gsm7.octetsFor(udl)];
            System.arraycopy(headerOctets, 0, ud, 0, headerOctets.length);
            Gsm7.pack(body, ud, headerSeptets);
        } else {
            udl = headerOctets.length + body.length;
            ud = new byte[udl];
            System.arraycopy(headerOctets, 0, ud, 0, headerOctets.length);
            System.arraycopy(body, 0, ud, headerOctets.length, body.length);
        }
        if (ud.length > MAX_OCTETS) {
            throw new TpduException("TP-UD", -1, "user data needs " + ud.length + " octets, more than " + MAX_OCTETS);
        }
        byte[] out = new byte[1 + ud.length];
        out[0] = (byte) udl;
        System.arraycopy(ud, 0, out, 1, ud.length);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserData u && u.characterSet == characterSet && Objects.equals(u.header, header)
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(characterSet, header, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "UserData[" + characterSet + ", header=" + header + ", body=" + Hex.of(body) + "]";
    }
}

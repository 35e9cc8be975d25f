package org.mtcgate.map.tpdu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TP-User-Data-Header (TS 23.040 9.2.3.24): UDHL, then information elements in order. Duplicate IEs are kept
 * as received; the accessors return the last one, as 9.2.3.24 asks receivers to use the last occurrence.
 */
public record UserDataHeader(List<InformationElement> elements) {
    public UserDataHeader {
        elements = List.copyOf(elements);
    }

    public static UserDataHeader of(InformationElement... elements) {
        return new UserDataHeader(List.of(elements));
    }

    /** The last IE with this identifier. */
    public Optional<InformationElement> find(int identifier) {
        InformationElement found = null;
        for (InformationElement element : elements) {
            if (element.identifier() == identifier) {
                found = element;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The application port, from IEI 0x05 (16-bit) or else IEI 0x04 (8-bit). Lengths were checked on decode. */
    public Optional<ApplicationPort> applicationPort() {
        Optional<InformationElement> port16 = find(InformationElement.IEI_APPLICATION_PORT_16BIT);
        if (port16.isPresent()) {
            byte[] d = port16.get().data();
            return Optional.of(new ApplicationPort((d[0] & 0xFF) << 8 | d[1] & 0xFF,
                    (d[2] & 0xFF) << 8 | d[3] & 0xFF, true));
        }
        return find(InformationElement.IEI_APPLICATION_PORT_8BIT)
                .map(InformationElement::data)
                .map(d -> new ApplicationPort(d[0] & 0xFF, d[1] & 0xFF, false));
    }

    /** The IEIs in order, as the filter engine screens them. */
    public int[] identifiers() {
        int[] out = new int[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = elements.get(i).identifier();
        }
        return out;
    }

    /**
     * The concatenation IE (IEI 0x00, 8-bit reference, or 0x08, 16-bit reference; 9.2.3.24.1, 9.2.3.24.8), the
     * last one when there are several. Lengths and values were checked on decode.
     */
    public Optional<Concatenation> concatenation() {
        InformationElement found = null;
        for (InformationElement element : elements) {
            if (element.identifier() == InformationElement.IEI_CONCATENATION_8BIT
                    || element.identifier() == InformationElement.IEI_CONCATENATION_16BIT) {
                found = element;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        byte[] d = found.data();
        return Optional.of(d.length == 3 ? new Concatenation(d[0] & 0xFF, d[1] & 0xFF, d[2] & 0xFF)
                : new Concatenation((d[0] & 0xFF) << 8 | d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF));
    }

    /** True when the header announces an OTA command packet (IEI 0x70, TS 31.115), the SIM data download path. */
    public boolean hasOtaCommandPacket() {
        return find(InformationElement.IEI_OTA_COMMAND_PACKET).isPresent();
    }

    /** The IEs as they go on the air, without the UDHL. */
    public byte[] elementBytes() {
        ByteArrayOutputStream ies = new ByteArrayOutputStream();
        for (InformationElement element : elements) {
            element.writeTo(ies);
        }
        return ies.toByteArray();
    }

    /** Reads IEs as they go on the air (without the UDHL), with the same checks as a received header. */
    public static UserDataHeader ofElementBytes(byte[] ies) throws TpduException {
        if (ies.length > 255) {
            throw new TpduException("UDHL", 0, "header of " + ies.length + " octets exceeds 255");
        }
        byte[] ud = new byte[1 + ies.length];
        ud[0] = (byte) ies.length;
        System.arraycopy(ies, 0, ud, 1, ies.length);
        return decode(ud, 0);
    }

    /**
     * The header at the start of {@code userData} (UDHL, then IEs), read as strictly as one in a TPDU; its encoded
     * length is {@code 1 + userData[0]}. For user data a submitter gave with its header, such as an SME's.
     */
    public static UserDataHeader read(byte[] userData) throws TpduException {
        return decode(userData, 0);
    }

    /** UDHL followed by the IEs, as a TPDU carries them (for handing the header on, e.g. to an SME). */
    public byte[] encoded() throws TpduException {
        return encode();
    }

    /** UDHL followed by the IEs. */
    byte[] encode() throws TpduException {
        ByteArrayOutputStream ies = new ByteArrayOutputStream();
        for (InformationElement element : elements) {
            element.writeTo(ies);
        }
        if (ies.size() > 255) {
            throw new TpduException("UDHL", -1, "header of " + ies.size() + " octets exceeds 255");
        }
        byte[] out = new byte[1 + ies.size()];
        out[0] = (byte) ies.size();
        System.arraycopy(ies.toByteArray(), 0, out, 1, ies.size());
        return out;
    }

    /**
     * Parses {@code ud[0..]} as UDHL + IEs; {@code udOffset} is the offset of TP-UD in the TPDU, for errors.
     * Returns the header; its encoded length is {@code 1 + ud[0]}.
     */
    static UserDataHeader decode(byte[] ud, int udOffset) throws TpduException {
        if (ud.length == 0) {
            throw new TpduException("UDHL", udOffset, "TP-UDHI is set but TP-UD is empty");
        }
        int udhl = ud[0] & 0xFF;
        if (1 + udhl > ud.length) {
            throw new TpduException("UDHL", udOffset,
                    "UDHL " + udhl + " runs past the end of TP-UD (" + (ud.length - 1) + " octets follow it)");
        }
        List<InformationElement> elements = new ArrayList<>();
        int i = 1;
        int end = 1 + udhl;
        int portIes = 0;
        int concatenationIes = 0;
        while (i < end) {
            if (i + 2 > end) {
                throw new TpduException("UDH IE", udOffset + i, "IE header needs 2 octets, only " + (end - i)
                        + " remain in the UDH");
            }
            int iei = ud[i] & 0xFF;
            int length = ud[i + 1] & 0xFF;
            if (i + 2 + length > end) {
                throw new TpduException("UDH IE", udOffset + i, String.format(
                        "IEI %02X length %d runs past the end of the UDH (%d octets left)", iei, length, end - i - 2));
            }
            int expected = switch (iei) {
                case InformationElement.IEI_APPLICATION_PORT_16BIT -> 4;
                case InformationElement.IEI_APPLICATION_PORT_8BIT -> 2;
                case InformationElement.IEI_CONCATENATION_8BIT -> 3;
                case InformationElement.IEI_CONCATENATION_16BIT -> 4;
                default -> -1;
            };
            if (expected >= 0 && length != expected) {
                throw new TpduException("UDH IE", udOffset + i,
                        String.format("IEI %02X has length %d, TS 23.040 requires %d", iei, length, expected));
            }
            if (iei == InformationElement.IEI_CONCATENATION_8BIT || iei == InformationElement.IEI_CONCATENATION_16BIT) {
                // 9.2.3.24.1: a receiver ignores a part numbered 0 or beyond the total; handsets differ, so refuse.
                int total = ud[i + length] & 0xFF;
                int sequence = ud[i + 1 + length] & 0xFF;
                if (total == 0 || sequence == 0 || sequence > total) {
                    throw new TpduException("UDH IE", udOffset + i, String.format(
                            "IEI %02X names part %d of %d", iei, sequence, total));
                }
            }
            // Two port or two concatenation IEs: 9.2.3.24 says the last wins, but handsets differ, and the one we
            // screen might not be the one the handset uses (a trigger port hidden behind a harmless one).
            boolean port = iei == InformationElement.IEI_APPLICATION_PORT_8BIT
                    || iei == InformationElement.IEI_APPLICATION_PORT_16BIT;
            boolean concatenation = iei == InformationElement.IEI_CONCATENATION_8BIT
                    || iei == InformationElement.IEI_CONCATENATION_16BIT;
            if (port && ++portIes > 1 || concatenation && ++concatenationIes > 1) {
                throw new TpduException("UDH IE", udOffset + i, String.format(
                        "a second %s IE (IEI %02X): which one a handset uses is not defined",
                        port ? "application port" : "concatenation", iei));
            }
            byte[] data = new byte[length];
            System.arraycopy(ud, i + 2, data, 0, length);
            elements.add(new InformationElement(iei, data));
            i += 2 + length;
        }
        return new UserDataHeader(elements);
    }
}

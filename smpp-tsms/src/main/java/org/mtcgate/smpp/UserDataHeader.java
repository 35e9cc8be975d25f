package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Segment;

import java.util.Arrays;

/**
 * What the filter needs from a TP-User-Data-Header (TS 23.040 9.2.3.24) an SME put at the start of its short
 * message (esm_class UDHI): the IEIs in order, the application port (IEI 0x05 or 0x04) and the concatenation part
 * (IEI 0x00 or 0x08). Read as strictly as the MAP side reads one: a header that runs past the data, an IE of the
 * wrong length, a second port or concatenation IE, or a part number outside 1..total is refused, since which one
 * a handset would use is not defined.
 *
 * @param length the header's octets, UDHL included
 */
public record UserDataHeader(int length, int[] identifiers, int destinationPort, int originatorPort, Segment segment) {
    public UserDataHeader {
        identifiers = identifiers.clone();
    }

    @Override
    public int[] identifiers() {
        return identifiers.clone();
    }

    /** @throws SmppRefusal (ESME_RINVESMCLASS) when the data does not start with a well-formed header */
    public static UserDataHeader read(byte[] ud) throws SmppRefusal {
        if (ud.length == 0) {
            throw bad("esm_class has UDHI but the short message is empty");
        }
        int end = 1 + (ud[0] & 0xFF);
        if (end > ud.length) {
            throw bad("UDHL " + (ud[0] & 0xFF) + " runs past the end of the short message");
        }
        int[] ieis = new int[end];
        int count = 0;
        int destination = InboundItem.NO_PORT;
        int originator = InboundItem.NO_PORT;
        Segment segment = null;
        int i = 1;
        while (i < end) {
            if (i + 2 > end) {
                throw bad("an IE header runs past the end of the UDH");
            }
            int iei = ud[i] & 0xFF;
            int len = ud[i + 1] & 0xFF;
            int at = i + 2;
            if (at + len > end) {
                throw bad(String.format("IEI %02X runs past the end of the UDH", iei));
            }
            int expected = switch (iei) {
                case 0x00 -> 3;
                case 0x08, 0x05 -> 4;
                case 0x04 -> 2;
                default -> len;
            };
            if (len != expected) {
                throw bad(String.format("IEI %02X has length %d, TS 23.040 requires %d", iei, len, expected));
            }
            if (iei == 0x04 || iei == 0x05) {
                if (destination != InboundItem.NO_PORT) {
                    throw bad("a second application port IE");
                }
                destination = iei == 0x05 ? u16(ud, at) : ud[at] & 0xFF;
                originator = iei == 0x05 ? u16(ud, at + 2) : ud[at + 1] & 0xFF;
            } else if (iei == 0x00 || iei == 0x08) {
                if (segment != null) {
                    throw bad("a second concatenation IE");
                }
                int reference = iei == 0x00 ? ud[at] & 0xFF : u16(ud, at);
                int total = ud[at + len - 2] & 0xFF;
                int sequence = ud[at + len - 1] & 0xFF;
                if (total == 0 || sequence == 0 || sequence > total) {
                    throw bad(String.format("IEI %02X names part %d of %d", iei, sequence, total));
                }
                segment = new Segment(reference, total, sequence);
            }
            ieis[count++] = iei;
            i = at + len;
        }
        return new UserDataHeader(end, Arrays.copyOf(ieis, count), destination, originator, segment);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static SmppRefusal bad(String reason) {
        return new SmppRefusal(SmppStatus.INVALID_ESM_CLASS, "tsms-bad-udh", reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDataHeader h && h.length == length && Arrays.equals(h.identifiers, identifiers)
                && h.destinationPort == destinationPort && h.originatorPort == originatorPort
                && java.util.Objects.equals(h.segment, segment);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(identifiers) + length;
    }
}

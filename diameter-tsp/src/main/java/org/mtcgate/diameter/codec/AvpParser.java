package org.mtcgate.diameter.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Splits an AVP area (message body or Grouped value) into AVPs; only translates bytes. */
public final class AvpParser {
    private AvpParser() {
    }

    public static List<Avp> parseGrouped(byte[] area) {
        return parse(area, 0, area.length);
    }

    /**
     * @throws AvpDecodeException when an AVP Length is below its header size or runs past
     *         the end of the area (RFC 6733 7.1.5 DIAMETER_INVALID_AVP_LENGTH)
     */
    public static List<Avp> parse(byte[] area, int from, int to) {
        return parse(area, from, to, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parse(byte[], int, int)}, but stops at {@code maxAvps} AVPs: a further AVP throws
     * {@link AvpLimitException} with that AVP, before the rest of the area is looked at.
     */
    public static List<Avp> parse(byte[] area, int from, int to, int maxAvps) {
        List<Avp> out = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            if (to - pos < 8) {
                throw new AvpDecodeException("truncated AVP header at offset " + pos,
                        Avp.raw(0, 0, 0, new byte[0]));
            }
            int code = readInt(area, pos);
            int flags = area[pos + 4] & 0xFF;
            int length = readInt(area, pos + 4) & 0xFFFFFF;
            boolean vendor = (flags & Avp.FLAG_VENDOR) != 0;
            int headerLength = vendor ? 12 : 8;
            long vendorId = vendor && to - pos >= 12 ? readInt(area, pos + 8) & 0xFFFFFFFFL : 0L;
            if (length < headerLength || pos + length > to) {
                // Failed-AVP gets the AVP header and whatever data is actually present.
                int available = Math.max(0, Math.min(to, pos + Math.max(length, headerLength)) - pos - headerLength);
                byte[] partial = new byte[available];
                if (available > 0) {
                    System.arraycopy(area, pos + headerLength, partial, 0, available);
                }
                throw new AvpDecodeException("AVP " + code + " length " + length + " invalid at offset " + pos,
                        Avp.raw(code, flags, vendorId, partial));
            }
            byte[] data = new byte[length - headerLength];
            System.arraycopy(area, pos + headerLength, data, 0, data.length);
            Avp avp = Avp.owning(code, flags, vendorId, data);
            if (out.size() >= maxAvps) {
                throw new AvpLimitException("more than " + maxAvps + " AVPs", avp);
            }
            out.add(avp);
            pos += (length + 3) & ~3;
        }
        return Collections.unmodifiableList(out);
    }

    private static int readInt(byte[] a, int p) {
        return ((a[p] & 0xFF) << 24) | ((a[p + 1] & 0xFF) << 16) | ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
    }
}

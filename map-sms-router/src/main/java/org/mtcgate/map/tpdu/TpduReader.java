package org.mtcgate.map.tpdu;

import java.util.Arrays;

/** A bounds-checked cursor over TPDU octets; every read names its field so errors say what was truncated. */
final class TpduReader {
    private final byte[] bytes;
    private int position;

    TpduReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    int readOctet(String field) throws TpduException {
        require(field, 1);
        return bytes[position++] & 0xFF;
    }

    byte[] readOctets(String field, int count) throws TpduException {
        require(field, count);
        byte[] out = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return out;
    }

    private void require(String field, int count) throws TpduException {
        if (count > remaining()) {
            throw new TpduException(field, position,
                    "needs " + count + " octet(s), only " + remaining() + " remain (truncated TPDU)");
        }
    }

    void requireEnd() throws TpduException {
        if (remaining() != 0) {
            throw new TpduException("TP-UD", position, remaining() + " unexpected octet(s) after the end of TP-UD");
        }
    }
}

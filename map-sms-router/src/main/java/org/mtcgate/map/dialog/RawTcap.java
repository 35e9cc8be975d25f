package org.mtcgate.map.dialog;

/**
 * Reads the transaction ids off a TCAP message's raw octets (Q.773 3.1), before TCAP decodes it, and writes the
 * one message the gate sends itself (a P-ABORT). Only what that needs: single-octet tags, definite or
 * indefinite outer length, definite inner lengths.
 */
final class RawTcap {
    private RawTcap() {
    }

    /** The contents of the first top-level element tagged {@code tag} inside the message, or null. */
    static byte[] element(byte[] message, int tag) {
        if (message == null || message.length < 2) {
            return null;
        }
        int[] at = {1};
        int outer = length(message, at);
        int end = outer < 0 ? message.length : Math.min(message.length, at[0] + outer);
        if (outer == -2) {
            return null;
        }
        while (at[0] < end) {
            int t = message[at[0]++] & 0xFF;
            if ((t & 0x1F) == 0x1F || at[0] >= end) {
                return null; // multi-octet tags never carry transaction ids
            }
            int len = length(message, at);
            if (len < 0 || at[0] + len > end) {
                return null;
            }
            if (t == tag) {
                byte[] out = new byte[len];
                System.arraycopy(message, at[0], out, 0, len);
                return out;
            }
            at[0] += len;
        }
        return null;
    }

    /** The length at {@code at[0]} (advanced past it): -1 indefinite, -2 unusable. */
    private static int length(byte[] b, int[] at) {
        if (at[0] >= b.length) {
            return -2;
        }
        int first = b[at[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        if (first == 0x80) {
            return -1;
        }
        int n = first & 0x7F;
        if (n > 3 || at[0] + n > b.length) {
            return -2;
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[at[0]++] & 0xFF);
        }
        return len;
    }

    /** TC-ABORT with a P-Abort-cause (Q.773 3.1, [APPLICATION 7] { dtid, p-abortCause }). */
    static byte[] pAbort(byte[] destinationTransactionId, byte cause) {
        int n = destinationTransactionId.length;
        byte[] out = new byte[2 + 2 + n + 3];
        out[0] = 0x67;
        out[1] = (byte) (2 + n + 3);
        out[2] = 0x49;
        out[3] = (byte) n;
        System.arraycopy(destinationTransactionId, 0, out, 4, n);
        out[4 + n] = 0x4A;
        out[5 + n] = 1;
        out[6 + n] = cause;
        return out;
    }
}

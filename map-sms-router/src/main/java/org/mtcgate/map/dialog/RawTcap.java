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

    /**
     * False when a component of this TC-BEGIN carries an operation or error code (or invoke id) that is not a
     * 1..8-octet INTEGER or a non-empty OBJECT IDENTIFIER inside its component. jSS7's OperationCodeImpl and
     * ErrorCodeImpl print such failures' stack traces to stderr themselves (not through a logger), so they must
     * never reach its decoder. True when nothing wrong was found, including parts it cannot walk (indefinite
     * lengths), which are left to TCAP.
     */
    static boolean codesWellFormed(byte[] message) {
        byte[] components = element(message, 0x6C);
        if (components == null) {
            return true;
        }
        int at = 0;
        while (at < components.length) {
            int tag = components[at++] & 0xFF;
            int[] pos = {at};
            int len = length(components, pos);
            if (len == -1) {
                return true; // indefinite: left to TCAP
            }
            if (len < 0 || pos[0] + len > components.length) {
                return false; // cut short: TCAP would fail on it
            }
            if (!codesFit(components, pos[0], pos[0] + len, tag == 0xA2 || tag == 0xA7)) {
                return false;
            }
            at = pos[0] + len;
        }
        return true;
    }

    private static boolean codesFit(byte[] b, int from, int to, boolean resultSequence) {
        int at = from;
        while (at < to) {
            int tag = b[at++] & 0xFF;
            int[] pos = {at};
            int len = length(b, pos);
            if (len == -1) {
                return true; // indefinite: left to TCAP
            }
            if (len < 0 || pos[0] + len > to) {
                return false; // cut short: TCAP would fail on it, printing a stack trace if it is a code
            }
            if (tag == 0x02 && (len < 1 || len > 8)) {
                return false;
            }
            if (tag == 0x06 && len < 1) {
                return false;
            }
            if (resultSequence && tag == 0x30 && !codesFit(b, pos[0], pos[0] + len, false)) {
                return false;
            }
            at = pos[0] + len;
        }
        return true;
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

package org.mtcgate.map.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the guard reads transaction IDs out of TC messages (ITU-T Q.773), canonical and not. */
class ReplyLinkGuardTest {
    private static final int OTID = 0x48;
    private static final int DTID = 0x49;

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void endAndAbortNameTheirDestination() {
        assertEquals(0x01020304L, ReplyLinkGuard.transactionId(bytes(0x64, 0x06, 0x49, 0x04, 1, 2, 3, 4), DTID));
        assertEquals(0xFFFFFFFEL, ReplyLinkGuard.transactionId(bytes(0x67, 0x09, 0x49, 0x04, 0xFF, 0xFF, 0xFF, 0xFE,
                0x4A, 0x01, 0x04), DTID));
    }

    @Test
    void continueCarriesOriginThenDestination() {
        byte[] m = bytes(0x65, 0x0C, 0x48, 0x04, 9, 9, 9, 9, 0x49, 0x04, 0, 0, 0, 7);
        assertEquals(7L, ReplyLinkGuard.transactionId(m, DTID));
        assertEquals(0x09090909L, ReplyLinkGuard.transactionId(m, OTID));
    }

    @Test
    void longFormAndIndefiniteOuterLengthsAndShortIdsAreReadAsJss7ReadsThem() {
        assertEquals(5L, ReplyLinkGuard.transactionId(bytes(0x64, 0x81, 0x03, 0x49, 0x01, 5), DTID));
        assertEquals(0x0102L, ReplyLinkGuard.transactionId(bytes(0x64, 0x80, 0x49, 0x02, 1, 2, 0, 0), DTID));
    }

    @Test
    void whatCannotBeReadNamesNoTransaction() {
        assertEquals(-1, ReplyLinkGuard.transactionId(bytes(0x64), DTID));
        assertEquals(-1, ReplyLinkGuard.transactionId(bytes(0x64, 0x06, 0x49, 0x09, 1, 2), DTID), "overlong");
        assertEquals(-1, ReplyLinkGuard.transactionId(bytes(0x64, 0x02, 0x49, 0x00), DTID), "empty ID");
        assertEquals(-1, ReplyLinkGuard.transactionId(bytes(0x64, 0x07, 0x49, 0x05, 1, 2, 3, 4, 5), DTID),
                "longer than Q.773's four octets");
        assertEquals(-1, ReplyLinkGuard.transactionId(bytes(0x64, 0x06, 0x6B, 0x04, 1, 2, 3, 4), DTID), "no DTID");
    }
}

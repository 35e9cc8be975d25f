package org.mtcgate.bsf.ub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestAkaTest {
    /** RFC 2617 3.5, the published example (qop=auth, MD5; AKAv1-MD5 hashes the same way with RES as password). */
    @Test
    void rfc2617Example() {
        DigestAka.Input in = new DigestAka.Input("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");
        assertEquals("6629fae49393a05397450978507c4ef1",
                DigestAka.response(in, "Circle Of Life".getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    @Test
    void authIntCoversTheBodyAndRspauthHasNoMethod() {
        DigestAka.Input in = new DigestAka.Input("u@ims", "bsf", "n", "GET", "/", "auth-int", "00000001", "c");
        byte[] res = {1, 2, 3, 4, 5, 6, 7, 8};
        String empty = DigestAka.response(in, res, new byte[0]);
        assertNotEquals(empty, DigestAka.response(in, res, new byte[] {1}), "auth-int protects the body");
        // A2 = ":" uri ":" H(body) for rspauth, "GET:" uri ":" H(body) for the request
        assertNotEquals(empty, DigestAka.rspauth(in, res, new byte[0]));
        String ha1 = DigestAka.md5Hex("u@ims:bsf:\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008".getBytes(StandardCharsets.ISO_8859_1));
        String ha2 = DigestAka.md5Hex(("GET:/:" + DigestAka.md5Hex(new byte[0])).getBytes(StandardCharsets.UTF_8));
        assertEquals(DigestAka.md5Hex((ha1 + ":n:00000001:c:auth-int:" + ha2).getBytes(StandardCharsets.UTF_8)), empty);
    }

    @Test
    void matchingIsCaseInsensitiveOnTheGivenHex() {
        assertTrue(DigestAka.matches("6629fae49393a05397450978507c4ef1", "6629FAE49393A05397450978507C4EF1"));
        assertFalse(DigestAka.matches("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4ef2"));
        assertFalse(DigestAka.matches("6629fae49393a05397450978507c4ef1", "6629"));
    }
}

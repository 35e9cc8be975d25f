package org.mtcgate.bsf.ub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestParametersTest {
    @Test
    void readsTokensQuotedStringsAndEscapes() {
        DigestParameters p = DigestParameters.parseChallengeOrCredentials(
                "Digest username=\"001@ims.example\", realm=\"bsf.example\", nonce=\"\", uri=\"/\", response=\"\", "
                        + "qop=auth-int, NC=00000001, cnonce=\"a\\\"b\"");
        assertEquals("001@ims.example", p.require("username"));
        assertEquals("", p.require("nonce"));
        assertEquals("auth-int", p.require("qop"));
        assertEquals("00000001", p.require("nc"), "names are case-insensitive");
        assertEquals("a\"b", p.require("cnonce"));
        assertTrue(p.get("auts").isEmpty());
    }

    @Test
    void refusesWhatIsNotDigest() {
        assertEquals("the authentication scheme is not Digest",
                assertThrows(UbRequestException.class, () -> DigestParameters.parseChallengeOrCredentials("Basic abc")).getMessage());
        assertEquals("the authentication scheme is not Digest",
                assertThrows(UbRequestException.class, () -> DigestParameters.parseChallengeOrCredentials("Digestx a=b")).getMessage());
    }

    @Test
    void refusesMalformedParameters() {
        assertThrows(UbRequestException.class, () -> DigestParameters.parse("a=\"open"));
        assertThrows(UbRequestException.class, () -> DigestParameters.parse("a"));
        assertThrows(UbRequestException.class, () -> DigestParameters.parse("a=1 b=2"));
        assertThrows(UbRequestException.class, () -> DigestParameters.parse("=1"));
        assertEquals("Digest parameter a is given twice",
                assertThrows(UbRequestException.class, () -> DigestParameters.parse("a=1, A=2")).getMessage());
        assertThrows(UbRequestException.class, () -> DigestParameters.parse("a=\"x\u0001\""));
        assertEquals("Digest parameter username is missing",
                assertThrows(UbRequestException.class, () -> DigestParameters.parse("a=1").require("username")).getMessage());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= DigestParameters.MAX_PARAMETERS; i++) {
            many.append("p").append(i).append("=1,");
        }
        assertThrows(UbRequestException.class, () -> DigestParameters.parse(many.toString()));
    }
}

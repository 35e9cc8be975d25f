package org.mtcgate.t8;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens from a key the operator keeps in PEM (openssl's own output) verify, and nothing else does. */
class AccessTokensTest {
    @Test
    void keyFromOpensslPem() throws Exception {
        Path pem = Files.createTempFile("t8-token-key", ".pem");
        try {
            Process p = new ProcessBuilder("openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", pem.toString())
                    .redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl is not usable");
            KeyPair keys = AccessTokens.keyPairFromPem(Files.readString(pem, StandardCharsets.US_ASCII));
            TestPki pki = new TestPki();
            TestPki.Credential as1 = pki.issue("as1");
            AccessTokens tokens = new AccessTokens(keys, "https://scef", "https://scef/api", Duration.ofMinutes(1), Clock.systemUTC());
            TokenCheck ok = tokens.check(tokens.issue("as1", EnumSet.of(Scope.READ), as1.certificate()), as1.certificate());
            assertTrue(ok.isValid(), ok.refusal());
            assertEquals("as1", ok.scsAsId());
            assertEquals(EnumSet.of(Scope.READ), ok.scopes());
            assertFalse(tokens.check("not.a.token", as1.certificate()).isValid());
        } finally {
            Files.deleteIfExists(pem);
        }
        assertThrows(IllegalArgumentException.class, () -> AccessTokens.keyPairFromPem("-----BEGIN NOTHING-----"));
    }
}

package org.mtcgate.core.console;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, their password hashes and their authorized_keys lines. */
class ConsoleUserTest {
    /** A public key made by OpenSSH's ssh-keygen -t ed25519 (public half only). */
    private static final String OPENSSH_ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID+lL0AUrA/1br/OVbdZWfH/g13VGU8wd5TOD2WygssS ops@example";

    @Test
    void passwordHashRoundTripsAndChecks() {
        PasswordHash hash = PasswordHash.of("s3cret ä".toCharArray(), 1_000, new SecureRandom());
        String encoded = hash.encoded();
        assertTrue(encoded.startsWith("pbkdf2-sha256$1000$"), encoded);
        assertFalse(encoded.contains("s3cret"));
        PasswordHash parsed = PasswordHash.parse(encoded);
        assertEquals(hash, parsed);
        assertTrue(parsed.matches("s3cret ä".toCharArray()));
        assertFalse(parsed.matches("s3cret a".toCharArray()));
        assertFalse(hash.toString().contains(encoded.substring(20)), "toString shows no salt or hash");
    }

    @Test
    void sameSaltNeverRepeats() {
        SecureRandom random = new SecureRandom();
        assertFalse(PasswordHash.of("x".toCharArray(), 1_000, random).encoded()
                .equals(PasswordHash.of("x".toCharArray(), 1_000, random).encoded()));
    }

    @Test
    void malformedHashesAreRefused() {
        for (String bad : List.of("", "plain", "pbkdf2-sha256$10$AAAA$AAAA", "md5$1000$AAAA$AAAA",
                "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA")) {
            assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(bad), bad);
        }
    }

    @Test
    void authorizedKeysLinesAreRead() {
        ConsoleUser u = ConsoleUser.withAuthorizedKeys("ops", List.of("# comment", "", OPENSSH_ED25519));
        assertEquals(1, u.authorizedKeys().size());
        assertTrue(u.password().isEmpty());
    }

    @Test
    void badUsersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsoleUser.withAuthorizedKeys("ops", List.of("ssh-ed25519 not-base64")));
        assertTrue(e.getMessage().startsWith("authorized key 1 of user 'ops'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConsoleUser.withAuthorizedKeys("ops", List.of("from=\"10.0.0.1\" " + OPENSSH_ED25519)));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleUser.withAuthorizedKeys("ops", List.of("# none")));
        assertThrows(IllegalArgumentException.class, () -> ConsoleUser.withAuthorizedKeys("a b", List.of(OPENSSH_ED25519)));
    }
}

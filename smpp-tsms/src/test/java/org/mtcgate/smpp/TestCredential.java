package org.mtcgate.smpp;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** A PBKDF2-HMAC-SHA256 credential as the node keeps one, with few iterations so that tests stay quick. */
final class TestCredential implements Credential {
    private static final byte[] SALT = "tsms-test-salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final byte[] hash;

    private TestCredential(String password) {
        this.hash = derive(password);
    }

    static Credential of(String password) {
        return new TestCredential(password);
    }

    @Override
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password));
    }

    private static byte[] derive(String password) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), SALT, 1000, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

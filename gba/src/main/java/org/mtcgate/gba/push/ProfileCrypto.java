package org.mtcgate.gba.push;

import org.mtcgate.gba.bootstrap.Kdf;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The primitives of this project's push profiles: AES-128-CTR, HMAC-SHA-256 truncated to 128 bits, and keys derived
 * with the TS 33.220 KDF under project-local FC values (gba/PROFILE.md). All in the JDK.
 */
final class ProfileCrypto {
    /** FC of the mtcgate-gpi-1 keys: project-local, outside the values TS 33.220 B.2 gives GBA (0x01 NAF keys). */
    static final int FC_GPI = 0xF1;
    /** FC of the mtcgate-gpl-1 keys, project-local as {@link #FC_GPI}. */
    static final int FC_GPL = 0xF2;
    static final int MAC_LENGTH = 16;
    static final int AES_KEY_LENGTH = 16;

    private ProfileCrypto() {
    }

    /** KDF(key, fc, label, parameters...), the label as P0 in US-ASCII. */
    static byte[] derive(byte[] key, int fc, String label, byte[]... more) {
        byte[][] p = new byte[more.length + 1][];
        p[0] = label.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(more, 0, p, 1, more.length);
        return Kdf.derive(key, fc, p);
    }

    /** AES-128-CTR (encryption and decryption are the same), the counter block starting at {@code iv}. */
    static byte[] ctr(byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, AES_KEY_LENGTH, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every Java platform", e);
        }
    }

    /** HMAC-SHA-256 over {@code data[0..length)}, the first 16 octets. */
    static byte[] mac(byte[] key, byte[] data, int length) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(data, 0, length);
            return Arrays.copyOf(m.doFinal(), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java platform", e);
        }
    }

    /** Constant-time comparison of a computed MAC with the one received at {@code data[offset..offset+16)}. */
    static boolean macMatches(byte[] expected, byte[] data, int offset) {
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(data, offset, offset + MAC_LENGTH));
    }
}

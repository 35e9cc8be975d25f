package org.mtcgate.gba.bootstrap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

/**
 * The generic key derivation function of TS 33.220 Annex B.2: HMAC-SHA-256(Key, S) with
 * S = FC || P0 || L0 || P1 || L1 || ..., each Li the length of Pi in two octets, big-endian; 32 octets out.
 */
public final class Kdf {
    private Kdf() {
    }

    public static byte[] derive(byte[] key, int fc, byte[]... parameters) {
        return hmac(key, s(fc, parameters));
    }

    /** The input string S, for tests that compare it with a published one. */
    static byte[] s(int fc, byte[]... parameters) {
        if (fc < 0 || fc > 0xFF) {
            throw new IllegalArgumentException("FC is one octet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fc);
        for (byte[] p : parameters) {
            if (p.length > 0xFFFF) {
                throw new IllegalArgumentException("a KDF parameter is at most 65535 octets");
            }
            out.writeBytes(p);
            out.write(p.length >>> 8);
            out.write(p.length);
        }
        return out.toByteArray();
    }

    private static byte[] hmac(byte[] key, byte[] s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java platform", e);
        }
    }
}

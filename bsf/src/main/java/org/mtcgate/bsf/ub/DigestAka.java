package org.mtcgate.bsf.ub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest computations of HTTP Digest AKA (RFC 3310 3.3, over RFC 2617 3.2.2): the password is RES as octets
 * (empty when the UE reports a synchronisation failure, RFC 3310 3.4), algorithm AKAv1-MD5 hashes as MD5 does.
 * With qop=auth-int, A2 = method ":" uri ":" H(entity-body); with qop=auth, A2 = method ":" uri. The server's
 * rspauth (RFC 2617 3.2.3) is the same with an empty method and the response body.
 */
public final class DigestAka {
    public static final String ALGORITHM = "AKAv1-MD5";
    public static final String QOP_AUTH_INT = "auth-int";
    public static final String QOP_AUTH = "auth";
    private static final HexFormat HEX = HexFormat.of();

    private DigestAka() {
    }

    /** The parts of one digest besides the password and body. */
    public record Input(String username, String realm, String nonce, String method, String uri, String qop, String nc,
                        String cnonce) {
    }

    /** request-digest of the UE's Authorization (hex, lower case). */
    public static String response(Input in, byte[] password, byte[] requestBody) {
        return digest(in, password, in.method(), requestBody);
    }

    /** rspauth of the BSF's Authentication-Info over the body it sends (hex, lower case). */
    public static String rspauth(Input in, byte[] password, byte[] responseBody) {
        return digest(in, password, "", responseBody);
    }

    private static String digest(Input in, byte[] password, String method, byte[] body) {
        byte[] a1prefix = (in.username() + ":" + in.realm() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] a1 = new byte[a1prefix.length + password.length];
        System.arraycopy(a1prefix, 0, a1, 0, a1prefix.length);
        System.arraycopy(password, 0, a1, a1prefix.length, password.length);
        String ha1 = md5Hex(a1);
        String a2 = QOP_AUTH_INT.equals(in.qop())
                ? method + ":" + in.uri() + ":" + md5Hex(body)
                : method + ":" + in.uri();
        String ha2 = md5Hex(a2.getBytes(StandardCharsets.UTF_8));
        return md5Hex((ha1 + ":" + in.nonce() + ":" + in.nc() + ":" + in.cnonce() + ":" + in.qop() + ":" + ha2)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Compares two digests in constant time (the expected one is derived from XRES). */
    public static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}

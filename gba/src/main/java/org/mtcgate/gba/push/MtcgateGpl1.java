package org.mtcgate.gba.push;

import org.mtcgate.gba.bootstrap.NafKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The GPL profile mtcgate-gpl-1: this project's, NOT TS 33.224's format. Octets: suite (1, 0x01 = this profile:
 * AES-128-CTR and HMAC-SHA-256-128), direction (1: 0 downlink, 1 uplink), SA identifier length (1) and SA identifier
 * (1..255: RAND@naf downlink, P-TID uplink), SN (4, big-endian, 1 to 2^32 - 1), ciphertext, MAC (16) over every
 * octet before it. Keys from the NAF key of a NAF_Id with Ua protocol id 01 00 00 00 05 (TS 33.220 H.3, GPL):
 * K_enc = first 16 octets of KDF(Ks_NAF, 0xF2, "mtcgate-gpl-1 enc"), K_int = KDF(Ks_NAF, 0xF2, "mtcgate-gpl-1 int").
 * Counter block: SN (4) || direction (1) || eleven zero octets, so no (key, counter) pair repeats while SNs do not.
 * The MAC is checked before anything is decrypted.
 */
public final class MtcgateGpl1 implements GplCipherSuite {
    public static final String NAME = "mtcgate-gpl-1";
    static final int SUITE = 0x01;
    /** Largest payload protected or accepted: a trigger payload is at most 1016 octets (TS 29.368 limits). */
    public static final int MAX_PLAINTEXT = 4096;
    static final int MIN_LENGTH = 3 + 1 + 4 + ProfileCrypto.MAC_LENGTH;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] protect(NafKey key, GplDirection direction, byte[] saId, long sn, byte[] plaintext) {
        if (sn < 1 || sn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a GPL sequence number is 1 to 2^32 - 1");
        }
        if (saId.length < 1 || saId.length > 255) {
            throw new IllegalArgumentException("a GPL SA identifier is 1 to 255 octets");
        }
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a GPL payload is at most " + MAX_PLAINTEXT + " octets");
        }
        Keys k = Keys.of(key);
        ByteBuffer b = ByteBuffer.allocate(3 + saId.length + 4 + plaintext.length + ProfileCrypto.MAC_LENGTH);
        b.put((byte) SUITE).put((byte) direction.code()).put((byte) saId.length).put(saId).putInt((int) sn)
                .put(ProfileCrypto.ctr(k.enc, iv(sn, direction), plaintext));
        byte[] out = b.array();
        int covered = out.length - ProfileCrypto.MAC_LENGTH;
        System.arraycopy(ProfileCrypto.mac(k.integrity, out, covered), 0, out, covered, ProfileCrypto.MAC_LENGTH);
        return out;
    }

    @Override
    public Opened open(NafKey key, GplDirection direction, byte[] saId, byte[] m) throws PushRejectedException {
        if (m.length < MIN_LENGTH) {
            throw PushRejectedException.malformed("the GPL message is " + m.length + " octets; " + NAME
                    + " needs at least " + MIN_LENGTH);
        }
        if ((m[0] & 0xFF) != SUITE) {
            throw PushRejectedException.malformed(String.format("GPL suite 0x%02X is not %s (0x01)", m[0] & 0xFF, NAME));
        }
        int dir = m[1] & 0xFF;
        if (dir > 1) {
            throw PushRejectedException.malformed("GPL direction " + dir + " is neither downlink (0) nor uplink (1)");
        }
        int idLength = m[2] & 0xFF;
        if (idLength == 0 || m.length < MIN_LENGTH + idLength - 1) {
            throw PushRejectedException.malformed("the GPL message's SA identifier of " + idLength + " octets does not fit its "
                    + m.length + " octets");
        }
        int ciphertextAt = 3 + idLength + 4;
        int macAt = m.length - ProfileCrypto.MAC_LENGTH;
        if (macAt - ciphertextAt > MAX_PLAINTEXT) {
            throw PushRejectedException.malformed("the GPL message carries " + (macAt - ciphertextAt) + " octets; " + NAME
                    + " accepts at most " + MAX_PLAINTEXT);
        }
        if (dir != direction.code()) {
            throw new PushRejectedException(PushRejectedException.Kind.UNKNOWN_SA, "the GPL message goes "
                    + (dir == 0 ? "downlink" : "uplink") + ", this receiver takes " + direction.name().toLowerCase());
        }
        byte[] id = Arrays.copyOfRange(m, 3, 3 + idLength);
        if (!MessageDigest.isEqual(id, saId)) {
            throw new PushRejectedException(PushRejectedException.Kind.UNKNOWN_SA, "the GPL message is for SA \""
                    + new String(id, StandardCharsets.UTF_8) + "\", not \"" + new String(saId, StandardCharsets.UTF_8) + "\"");
        }
        Keys k = Keys.of(key);
        if (!ProfileCrypto.macMatches(ProfileCrypto.mac(k.integrity, m, macAt), m, macAt)) {
            throw new PushRejectedException(PushRejectedException.Kind.MAC,
                    "the GPL message's MAC does not verify: it was changed on the way, or made with another key");
        }
        long sn = ByteBuffer.wrap(m, 3 + idLength, 4).getInt() & 0xFFFF_FFFFL;
        if (sn == 0) {
            throw PushRejectedException.malformed("GPL sequence number 0 is never sent (SNs start at 1)");
        }
        return new Opened(sn, ProfileCrypto.ctr(k.enc, iv(sn, direction), Arrays.copyOfRange(m, ciphertextAt, macAt)));
    }

    private static byte[] iv(long sn, GplDirection direction) {
        return ByteBuffer.allocate(16).putInt((int) sn).put((byte) direction.code()).array();
    }

    private record Keys(byte[] enc, byte[] integrity) {
        static Keys of(NafKey key) {
            byte[] k = key.octets();
            return new Keys(Arrays.copyOf(ProfileCrypto.derive(k, ProfileCrypto.FC_GPL, NAME + " enc"), ProfileCrypto.AES_KEY_LENGTH),
                    ProfileCrypto.derive(k, ProfileCrypto.FC_GPL, NAME + " int"));
        }
    }
}

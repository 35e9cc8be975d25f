package org.mtcgate.bsf.ub;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Rand;

import java.util.Arrays;
import java.util.Base64;

/**
 * The nonce of an AKA Digest challenge: base64(RAND || AUTN) (RFC 3310 3.2; TS 24.109 4.4, with no server data
 * appended). Its text is also the key under which the BSF remembers the challenge.
 */
public record AkaNonce(Rand rand, Autn autn) {
    private static final int LENGTH = Rand.LENGTH + Autn.LENGTH;

    public String encoded() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(rand.octets(), 0, out, 0, Rand.LENGTH);
        System.arraycopy(autn.octets(), 0, out, Rand.LENGTH, Autn.LENGTH);
        return Base64.getEncoder().encodeToString(out);
    }

    /** Reads a nonce: base64 of exactly 32 octets. */
    public static AkaNonce decode(String nonce) {
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            throw new UbRequestException("the nonce is not base64");
        }
        if (octets.length != LENGTH) {
            throw new UbRequestException("the nonce is not RAND || AUTN (32 octets): " + octets.length + " octets");
        }
        return new AkaNonce(new Rand(Arrays.copyOfRange(octets, 0, Rand.LENGTH)),
                new Autn(Arrays.copyOfRange(octets, Rand.LENGTH, LENGTH)));
    }

    @Override
    public String toString() {
        return encoded();
    }
}

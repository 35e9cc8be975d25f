package org.mtcgate.gba.push;

import org.mtcgate.gba.bootstrap.NafKey;

/**
 * A GPL message format with its cipher suite (TS 33.224, whose text was not at hand): protect a payload under a NAF
 * key with a sequence number, and check and open one. Replay (SN against SN_h) is {@link GplReceiver}'s.
 * {@link MtcgateGpl1} is this project's suite; a conformant one replaces it here.
 */
public interface GplCipherSuite {
    String name();

    /** @param sn the sender's sequence number, 1 to 2^32 - 1 */
    byte[] protect(NafKey key, GplDirection direction, byte[] saId, long sn, byte[] plaintext);

    /**
     * Checks the message is for {@code saId} in {@code direction} and that its MAC verifies, then decrypts it.
     *
     * @throws PushRejectedException MALFORMED, UNKNOWN_SA or MAC
     */
    Opened open(NafKey key, GplDirection direction, byte[] saId, byte[] message) throws PushRejectedException;

    /** A message whose MAC verified: its sequence number and payload. */
    record Opened(long sn, byte[] plaintext) {
        public Opened {
            plaintext = plaintext.clone();
        }

        @Override
        public byte[] plaintext() {
            return plaintext.clone();
        }
    }
}

package org.mtcgate.gba.push;

/**
 * Why a GPI, a GPI envelope or a GPL message was not accepted: a kind for programs and a sentence for people. Every
 * decoder and check of this package throws it (never an unchecked exception) for anything a peer sent.
 */
public final class PushRejectedException extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** The octets do not follow the profile's layout (truncated, oversize, unknown field, bad length). */
        MALFORMED,
        /** The GPI names a NAF_Id this UE does not accept. */
        NAF_ID,
        /** AUTN does not verify at the USIM (MAC-A): the network is not authenticated. */
        AUTN,
        /** The USIM found SQN not fresh: a replayed or out-of-order GPI. */
        SQN,
        /** The GPI's or GPL message's MAC does not verify: tampered, or keys that do not match. */
        MAC,
        /** The NAF key lifetime the GPI gives has passed. */
        EXPIRED,
        /** A GPL message whose sequence number is not above the highest accepted (SN_h). */
        REPLAY,
        /** A GPL message for a security association the receiver does not hold. */
        UNKNOWN_SA
    }

    private final Kind kind;

    public PushRejectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static PushRejectedException malformed(String message) {
        return new PushRejectedException(Kind.MALFORMED, message);
    }
}

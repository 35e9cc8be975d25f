package org.mtcgate.gba.push;

/** The sending end of GPL under one NAF SA: the counter of outgoing sequence numbers (TS 33.224 3.1). Immutable. */
public record GplSender(GplCipherSuite suite, NafSa sa, GplDirection direction, long lastSn) {
    public static GplSender of(GplCipherSuite suite, NafSa sa, GplDirection direction) {
        return new GplSender(suite, sa, direction, 0);
    }

    public record Sent(byte[] message, long sn, GplSender next) {
    }

    /** @throws IllegalStateException when the 32-bit SN space is used up: the SA must be replaced */
    public Sent send(byte[] payload) {
        if (lastSn >= 0xFFFF_FFFFL) {
            throw new IllegalStateException("the GPL sequence numbers of this NAF SA are used up");
        }
        long sn = lastSn + 1;
        return new Sent(suite.protect(sa.key(), direction, sa.identifier(direction), sn, payload), sn,
                new GplSender(suite, sa, direction, sn));
    }
}

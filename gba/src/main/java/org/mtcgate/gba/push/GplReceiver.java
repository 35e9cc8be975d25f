package org.mtcgate.gba.push;

/**
 * The receiving end of GPL under one NAF SA: SN_h, the highest sequence number of a message whose MAC verified
 * (TS 33.224 3.1). A message is taken only when its SN is above SN_h, which it then becomes (no window: gba-facts
 * 8.5). Immutable: {@link #receive} gives the next state.
 */
public record GplReceiver(GplCipherSuite suite, NafSa sa, GplDirection direction, long snH) {
    public static GplReceiver of(GplCipherSuite suite, NafSa sa, GplDirection direction) {
        return new GplReceiver(suite, sa, direction, 0);
    }

    /** The payload and the receiver that now remembers its SN. */
    public record Received(byte[] payload, long sn, GplReceiver next) {
    }

    /** @throws PushRejectedException MALFORMED, UNKNOWN_SA, MAC, or REPLAY when SN is not above SN_h */
    public Received receive(byte[] message) throws PushRejectedException {
        GplCipherSuite.Opened o = suite.open(sa.key(), direction, sa.identifier(direction), message);
        if (o.sn() <= snH) {
            throw new PushRejectedException(PushRejectedException.Kind.REPLAY, "GPL sequence number " + o.sn()
                    + " is not above the highest accepted (SN_h = " + snH + "): a replayed message");
        }
        return new Received(o.plaintext(), o.sn(), new GplReceiver(suite, sa, direction, o.sn()));
    }
}

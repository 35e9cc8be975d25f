package org.mtcgate.diameter.codec;

/**
 * How much structure a received message may have. Every parse of grouped AVPs is bounded by these, so
 * hostile nesting or a flood of tiny AVPs costs a bounded amount of stack, time and heap.
 *
 * @param maxGroupedDepth levels of AVPs in a message: 1 is the message's own AVPs, 2 the children of a
 *                        Grouped AVP, and so on; a Grouped AVP on the last level may not hold AVPs
 * @param maxAvps         AVPs in one message, counting those inside Grouped AVPs
 */
public record DecodeLimits(int maxGroupedDepth, int maxAvps) {
    /** TS 29.368 messages nest three levels (DAR, Device-Action, Trigger-Data); 8 leaves room for any peer. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(8, 1024);

    public DecodeLimits {
        if (maxGroupedDepth < 1 || maxAvps < 1) {
            throw new IllegalArgumentException("limits must be positive: depth " + maxGroupedDepth + ", AVPs " + maxAvps);
        }
    }
}

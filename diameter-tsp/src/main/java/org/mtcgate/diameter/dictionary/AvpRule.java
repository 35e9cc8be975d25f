package org.mtcgate.diameter.dictionary;

/**
 * One line of a command grammar (RFC 6733 3.2): how often an AVP may occur.
 * {AVP} is min 1 max 1, [AVP] min 0 max 1, *[AVP] min 0 max unbounded, and a max of 0 marks
 * an AVP that MUST NOT be present (RFC 6733 10, "0" in the occurrence tables).
 */
public record AvpRule(AvpKey avp, int min, int max) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public static AvpRule required(AvpKey k) {
        return new AvpRule(k, 1, 1);
    }

    public static AvpRule optional(AvpKey k) {
        return new AvpRule(k, 0, 1);
    }

    public static AvpRule any(AvpKey k) {
        return new AvpRule(k, 0, UNBOUNDED);
    }

    public static AvpRule oneOrMore(AvpKey k) {
        return new AvpRule(k, 1, UNBOUNDED);
    }

    public static AvpRule forbidden(AvpKey k) {
        return new AvpRule(k, 0, 0);
    }
}

package org.mtcgate.gba;

/**
 * SQN, the 48-bit sequence number of AKA (TS 33.102 6.3.2), as SEQ || IND (Annex C.1.1): a 43-bit SEQ and a
 * 5-bit IND. Which values the HE gives out and the USIM accepts is the profile of {@code aka.SqnProfile}.
 */
public record Sqn(long value) implements Comparable<Sqn> {
    public static final int LENGTH = 6;
    public static final int IND_BITS = 5;
    public static final long MAX = (1L << 48) - 1;
    public static final long MAX_SEQ = (1L << (48 - IND_BITS)) - 1;

    public Sqn {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("SQN is 48 bits");
        }
    }

    public static Sqn of(long seq, int ind) {
        if (seq < 0 || seq > MAX_SEQ || ind < 0 || ind >= 1 << IND_BITS) {
            throw new IllegalArgumentException("SEQ is 43 bits and IND 5 bits");
        }
        return new Sqn(seq << IND_BITS | ind);
    }

    public static Sqn ofOctets(byte[] six) {
        if (six.length != LENGTH) {
            throw new IllegalArgumentException("SQN is 6 octets");
        }
        long v = 0;
        for (byte b : six) {
            v = v << 8 | (b & 0xFF);
        }
        return new Sqn(v);
    }

    public static Sqn ofHex(String hex) {
        return ofOctets(Hex.decode(hex));
    }

    public long seq() {
        return value >>> IND_BITS;
    }

    public int ind() {
        return (int) (value & ((1 << IND_BITS) - 1));
    }

    public byte[] octets() {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return out;
    }

    @Override
    public int compareTo(Sqn o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "SQN[" + Hex.encode(octets()) + " seq=" + seq() + " ind=" + ind() + "]";
    }
}

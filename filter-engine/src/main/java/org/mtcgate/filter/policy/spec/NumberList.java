package org.mtcgate.filter.policy.spec;

import java.util.Arrays;

/**
 * The MSISDNs of one list file, as checked numbers. A class rather than a record because it holds arrays (a list
 * may have millions of numbers): they are never handed out, so it stays immutable.
 */
public final class NumberList {
    private final String name;
    private final long[] values;
    private final byte[] lengths;

    public NumberList(String name, long[] values, byte[] lengths) {
        if (values.length != lengths.length) {
            throw new IllegalArgumentException("values and lengths differ in count");
        }
        this.name = name;
        this.values = values.clone();
        this.lengths = lengths.clone();
    }

    /** The file name as the policy gives it. */
    public String name() {
        return name;
    }

    public int size() {
        return values.length;
    }

    /** Hands each number to {@code sink} as value and digit count. */
    public void forEach(NumberSink sink) {
        for (int i = 0; i < values.length; i++) {
            sink.accept(values[i], lengths[i]);
        }
    }

    /** Receives one number of a list. */
    @FunctionalInterface
    public interface NumberSink {
        void accept(long value, int length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberList other && name.equals(other.name) && Arrays.equals(values, other.values)
                && Arrays.equals(lengths, other.lengths);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + " (" + values.length + " numbers)";
    }
}

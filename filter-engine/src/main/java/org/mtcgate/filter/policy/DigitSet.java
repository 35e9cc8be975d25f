package org.mtcgate.filter.policy;

import org.mtcgate.filter.DigitMath;
import org.mtcgate.filter.NumericAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of digit strings given as exact numbers and as ranges of leading digits.
 *
 * <p>A range "from A to B" (A and B of the same length n) holds every number whose first n digits, read as a
 * number, lie between A and B; a prefix P is the range P to P. Ranges are kept per length as sorted, merged
 * intervals, so a lookup is one division and one binary search per distinct length, without allocation.
 */
public final class DigitSet {
    static final DigitSet EMPTY = new Builder().build();

    private final LongHashSet exact;
    /** Lengths that have ranges, ascending. */
    private final int[] rangeLengths;
    /** Per entry of rangeLengths: sorted, disjoint interval bounds. */
    private final long[][] lows;
    private final long[][] highs;

    private DigitSet(LongHashSet exact, int[] rangeLengths, long[][] lows, long[][] highs) {
        this.exact = exact;
        this.rangeLengths = rangeLengths;
        this.lows = lows;
        this.highs = highs;
    }

    public boolean contains(NumericAddress address) {
        return contains(address.value(), address.length());
    }

    /** Whether the {@code length}-digit number {@code value} is in the set. */
    public boolean contains(long value, int length) {
        if (exact != null && exact.contains(DigitMath.key(value, length))) {
            return true;
        }
        for (int r = 0; r < rangeLengths.length; r++) {
            int n = rangeLengths[r];
            if (n > length) {
                break;
            }
            long head = DigitMath.prefix(value, length, n);
            if (inIntervals(lows[r], highs[r], head)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return (exact == null || exact.size() == 0) && rangeLengths.length == 0;
    }

    /** How many exact numbers the set holds (ranges not counted). */
    public int exactCount() {
        return exact == null ? 0 : exact.size();
    }

    private static boolean inIntervals(long[] lo, long[] hi, long x) {
        int a = 0;
        int b = lo.length - 1;
        while (a <= b) {
            int mid = (a + b) >>> 1;
            if (lo[mid] > x) {
                b = mid - 1;
            } else if (hi[mid] < x) {
                a = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Collects numbers and ranges, then builds an immutable set. */
    public static final class Builder {
        private LongHashSet exact;
        private final List<List<long[]>> ranges = new ArrayList<>();

        public Builder() {
            for (int i = 0; i <= NumericAddress.MAX_DIGITS; i++) {
                ranges.add(null);
            }
        }

        /** Expect about this many exact numbers, to size the table once. */
        public Builder expectExact(int count) {
            if (exact == null) {
                exact = new LongHashSet(count);
            }
            return this;
        }

        public Builder addExact(String digits) {
            long v = DigitMath.parse("number", digits);
            expectExact(16);
            exact.add(DigitMath.key(v, digits.length()));
            return this;
        }

        /** Adds an exact number given as value and length (parsing done by the caller). */
        public Builder addExact(long value, int length) {
            expectExact(16);
            exact.add(DigitMath.key(value, length));
            return this;
        }

        public Builder addPrefix(String prefix) {
            return addRange(prefix, prefix);
        }

        public Builder addRange(String from, String to) {
            if (from.length() != to.length()) {
                throw new IllegalArgumentException("range bounds '" + from + "' and '" + to + "' differ in length");
            }
            long lo = DigitMath.parse("range bound", from);
            long hi = DigitMath.parse("range bound", to);
            if (lo > hi) {
                throw new IllegalArgumentException("range '" + from + "' to '" + to + "' is empty: from is above to");
            }
            List<long[]> forLength = ranges.get(from.length());
            if (forLength == null) {
                forLength = new ArrayList<>();
                ranges.set(from.length(), forLength);
            }
            forLength.add(new long[] {lo, hi});
            return this;
        }

        public DigitSet build() {
            List<Integer> lengths = new ArrayList<>();
            List<long[]> lowList = new ArrayList<>();
            List<long[]> highList = new ArrayList<>();
            for (int n = 0; n < ranges.size(); n++) {
                List<long[]> forLength = ranges.get(n);
                if (forLength == null) {
                    continue;
                }
                forLength.sort(Comparator.comparingLong(r -> r[0]));
                long[] lo = new long[forLength.size()];
                long[] hi = new long[forLength.size()];
                int k = -1;
                for (long[] r : forLength) {
                    if (k >= 0 && r[0] <= hi[k] + 1) {
                        hi[k] = Math.max(hi[k], r[1]);
                    } else {
                        k++;
                        lo[k] = r[0];
                        hi[k] = r[1];
                    }
                }
                lengths.add(n);
                lowList.add(Arrays.copyOf(lo, k + 1));
                highList.add(Arrays.copyOf(hi, k + 1));
            }
            return new DigitSet(exact, lengths.stream().mapToInt(Integer::intValue).toArray(),
                    lowList.toArray(new long[0][]), highList.toArray(new long[0][]));
        }
    }
}

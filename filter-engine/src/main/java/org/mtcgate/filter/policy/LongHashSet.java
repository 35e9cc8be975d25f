package org.mtcgate.filter.policy;

import java.util.Arrays;

/**
 * An open-addressing set of longs, built once and then only read. Holds a million numbers in 16 MiB where a
 * {@code HashSet<Long>} would take over 50, and answers without allocating. Load factor at most 1/2.
 */
final class LongHashSet {
    /** Marks an empty slot; real keys (see DigitMath.key) are never negative. */
    private static final long EMPTY = -1L;

    private long[] slots;
    private int mask;
    private int size;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    /** Adds a non-negative key; returns false when it was there already. */
    boolean add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int i = index(key);
        while (true) {
            long slot = slots[i];
            if (slot == EMPTY) {
                slots[i] = key;
                size++;
                return true;
            }
            if (slot == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(long key) {
        int i = index(key);
        while (true) {
            long slot = slots[i];
            if (slot == key) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private int index(long key) {
        // Stafford's mix13 spreads the low-entropy high bits of phone numbers over the table.
        long h = key;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return (int) h & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        size = 0;
        for (long key : old) {
            if (key != EMPTY) {
                add(key);
            }
        }
    }
}

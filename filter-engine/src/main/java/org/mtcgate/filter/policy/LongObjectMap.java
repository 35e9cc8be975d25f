package org.mtcgate.filter.policy;

import java.util.Arrays;

/** An open-addressing map from non-negative longs to objects, built once then only read; lookups allocate nothing. */
final class LongObjectMap<V> {
    private static final long EMPTY = -1L;

    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;

    LongObjectMap() {
        keys = new long[8];
        Arrays.fill(keys, EMPTY);
        values = new Object[8];
        mask = 7;
    }

    void put(long key, V value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int i = index(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = index(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == EMPTY) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new Object[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}

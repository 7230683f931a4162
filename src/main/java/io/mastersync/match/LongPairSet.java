package io.mastersync.match;

import java.util.Arrays;

/**
 * A set of unordered record index pairs, each encoded in one {@code long} (smaller index in the high 32 bits),
 * in an open-addressing table: no boxing, no String keys, so tens of millions of pairs stay cheap.
 */
final class LongPairSet {

    private long[] table;
    private int size;
    private int mask;

    LongPairSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[cap];
        mask = cap - 1;
    }

    static long encode(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }

    static int first(long pair) {
        return (int) (pair >>> 32);
    }

    static int second(long pair) {
        return (int) pair;
    }

    /** Adds the pair; true when it was not there yet. Pairs of a record with itself are not allowed. */
    boolean add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("pair (0,0) is not a pair");
        }
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        int i = mix(key) & mask;
        while (true) {
            long k = table[i];
            if (k == 0) {
                table[i] = key;
                size++;
                return true;
            }
            if (k == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(long key) {
        int i = mix(key) & mask;
        while (true) {
            long k = table[i];
            if (k == 0) {
                return false;
            }
            if (k == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(table, 0L);
        size = 0;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        size = 0;
        for (long k : old) {
            if (k != 0) {
                add(k);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}

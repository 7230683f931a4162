package io.mastersync.match;

/**
 * Open-addressing map from an encoded pair ({@link LongPairSet#encode}) to an int (e.g. its position in a pair
 * list): no boxing, like {@link LongPairSet}. Key 0 is reserved.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    /** Puts the value if the key is absent and returns -1; otherwise returns the value already there. */
    int putIfAbsent(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("pair (0,0) is not a pair");
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return -1;
            }
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}

package io.mastersync.delta;

/**
 * A map from non-zero 64-bit hashes to 64-bit values in open-addressing arrays (about 32 bytes an entry at
 * worst), so that a million staged rows fit in a bounded heap without boxing. Not thread-safe while filled;
 * safe to read from several threads once filled and published.
 */
final class LongLongMap {

    private long[] keys = new long[1 << 16];
    private long[] values = new long[1 << 16];
    private int size;

    /** Sets the value of a key (0 is not a valid key: it marks empty slots). */
    void put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is not a valid key");
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        insert(keys, values, key, value);
    }

    /** The value of a key, or 0 when the key is absent. */
    long get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                return 0;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    int size() {
        return size;
    }

    private void insert(long[] k, long[] v, long key, long value) {
        int mask = k.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (k[i] == 0 || k[i] == key) {
                if (k[i] == 0) {
                    size++;
                }
                k[i] = key;
                v[i] = value;
                return;
            }
        }
    }

    /**
     * The first slot of a key: its bits mixed (Fibonacci multiply, high half folded in), so that keys which differ
     * only in their high bits do not share one long probe run.
     */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }
}

package io.mastersync.load;

import io.mastersync.canonical.RecordFingerprint;

/**
 * The source keys a feed has staged so far in this run, as 64-bit hashes in an open-addressing table:
 * about 16 bytes per key, so a million keys cost 16 MB instead of the 100 MB of a set of strings. A hash
 * can collide; callers treat "seen" as "maybe seen" and confirm in the database. Not thread-safe.
 */
public final class SeenKeys {

    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds the key; false when its hash was already there (a repeated key, or rarely a collision). */
    public boolean add(String key) {
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, RecordFingerprint.key(key));
    }

    /** Adds a key by its {@link RecordFingerprint#key} hash; false when it was there already. */
    boolean addHash(long keyHash) {
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, keyHash);
    }

    public int size() {
        return size;
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                size++;
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }
}

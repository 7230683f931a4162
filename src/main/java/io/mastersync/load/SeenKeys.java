package io.mastersync.load;

/**
 * The source keys a feed has staged so far in this run, as 64-bit hashes in an open-addressing table:
 * about 16 bytes per key, so a million keys cost 16 MB instead of the 100 MB of a set of strings. A hash
 * can collide; callers treat "seen" as "maybe seen" and confirm in the database. Not thread-safe.
 */
final class SeenKeys {

    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds the key; false when its hash was already there (a repeated key, or rarely a collision). */
    boolean add(String key) {
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, hash(key));
    }

    int size() {
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

    /** A 64-bit hash of the key, never 0 (0 marks an empty slot). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        // finalizer of MurmurHash3: spreads FNV's weak low bits
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

package io.mastersync.quality;

import java.util.Arrays;

/**
 * Which distinct values occurred once and which more often, kept as 64-bit hashes in two open-addressing
 * sets of primitive longs: about 16 to 32 bytes per distinct value instead of the value itself, so exact
 * uniqueness of a key column of a million rows costs some 30 MB, not hundreds. Two different values
 * collide with probability about n²/2⁶⁵ (1e-8 for a million values). At most {@code cap} distinct values
 * are tracked; beyond that the state is marked overflowed and uniqueness refuses to answer.
 */
public final class UniqueHashState implements State<UniqueHashState> {

    private final int cap;
    private final LongSet seen = new LongSet();
    private final LongSet repeated = new LongSet();
    private long nonMissing;
    private boolean overflowed;

    public UniqueHashState(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        this.cap = cap;
    }

    public UniqueHashState add(String key) {
        nonMissing++;
        addHash(hash(key));
        return this;
    }

    private void addHash(long h) {
        switch (seen.addBelow(h, cap)) {
            case LongSet.PRESENT -> repeated.add(h);
            case LongSet.FULL -> overflowed = true;
            default -> {
            }
        }
    }

    public long nonMissing() {
        return nonMissing;
    }

    public boolean overflowed() {
        return overflowed;
    }

    public int distinct() {
        return seen.size();
    }

    /** Distinct values that occurred exactly once. */
    public long singletons() {
        return seen.size() - repeated.size();
    }

    @Override
    public UniqueHashState merge(UniqueHashState other) {
        UniqueHashState merged = new UniqueHashState(cap);
        for (UniqueHashState part : new UniqueHashState[] {this, other}) {
            part.seen.forEach(h -> {
                if (merged.seen.contains(h)) {
                    merged.repeated.add(h);
                } else if (merged.seen.size() < cap) {
                    merged.seen.add(h);
                } else {
                    merged.overflowed = true;
                }
            });
            part.repeated.forEach(h -> {
                if (merged.seen.contains(h)) {
                    merged.repeated.add(h);
                }
            });
            merged.nonMissing += part.nonMissing;
            merged.overflowed |= part.overflowed;
        }
        return merged;
    }

    /** A 64-bit hash of the text (FNV-style over the chars, then the MurmurHash3 finalizer); never 0. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= s.length();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UniqueHashState u && u.nonMissing == nonMissing && u.overflowed == overflowed
                && u.seen.sorted().length == seen.size() && Arrays.equals(u.seen.sorted(), seen.sorted())
                && Arrays.equals(u.repeated.sorted(), repeated.sorted());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nonMissing) * 31 + seen.size();
    }

    @Override
    public String toString() {
        return "UniqueHashState[" + seen.size() + " distinct, " + repeated.size() + " repeated of " + nonMissing
                + (overflowed ? ", overflowed" : "") + "]";
    }

    /** Open addressing (linear probing) set of non-zero longs; 0 marks a free slot. */
    private static final class LongSet {

        private long[] table = new long[16];
        private int size;

        int size() {
            return size;
        }

        boolean contains(long h) {
            int mask = table.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
                long v = table[i];
                if (v == 0) {
                    return false;
                }
                if (v == h) {
                    return true;
                }
            }
        }

        static final int ADDED = 0;
        static final int PRESENT = 1;
        static final int FULL = 2;

        /**
         * Adds {@code h} when it is new and the set holds fewer than {@code limit} values: what {@link #contains}
         * then {@link #add} do, with one probe instead of two (in the table of a million keys, far larger than
         * the caches, each probe is a cache miss).
         */
        int addBelow(long h, int limit) {
            int mask = table.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            for (long v = table[i]; v != 0; v = table[i]) {
                if (v == h) {
                    return PRESENT;
                }
                i = (i + 1) & mask;
            }
            if (size >= limit) {
                return FULL;
            }
            if ((size + 1) * 2 > table.length) {
                add(h);
            } else {
                table[i] = h;
                size++;
            }
            return ADDED;
        }

        void add(long h) {
            if ((size + 1) * 2 > table.length) {
                grow();
            }
            int mask = table.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
                long v = table[i];
                if (v == h) {
                    return;
                }
                if (v == 0) {
                    table[i] = h;
                    size++;
                    return;
                }
            }
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            size = 0;
            for (long v : old) {
                if (v != 0) {
                    add(v);
                }
            }
        }

        void forEach(java.util.function.LongConsumer action) {
            for (long v : table) {
                if (v != 0) {
                    action.accept(v);
                }
            }
        }

        long[] sorted() {
            long[] values = new long[size];
            int n = 0;
            for (long v : table) {
                if (v != 0) {
                    values[n++] = v;
                }
            }
            Arrays.sort(values);
            return values;
        }
    }
}

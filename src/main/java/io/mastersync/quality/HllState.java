package io.mastersync.quality;

import java.util.Arrays;

/**
 * A HyperLogLog sketch: {@code 2^p} registers, each the longest run of leading zeros (+1) seen among
 * the hashes routed to it. Merging takes the register-wise maximum, so the sketch of a union is exactly
 * the merge of the sketches of its parts. Hash: see {@link #hash}.
 */
public final class HllState implements State<HllState> {

    public static final int MIN_PRECISION = 4;
    public static final int MAX_PRECISION = 18;

    private final int p;
    private final byte[] registers;

    public HllState(int p) {
        if (p < MIN_PRECISION || p > MAX_PRECISION) {
            throw new IllegalArgumentException("HyperLogLog precision must be " + MIN_PRECISION + ".." + MAX_PRECISION + ", got " + p);
        }
        this.p = p;
        this.registers = new byte[1 << p];
    }

    public int precision() {
        return p;
    }

    /** A copy of the registers. */
    public byte[] registers() {
        return registers.clone();
    }

    public HllState add(String key) {
        return addHash(hash(key));
    }

    /**
     * 64-bit FNV-1a over the chars, finished with MurmurHash3's 64-bit mixer (every input bit moves every output
     * bit, which the register index and the leading-zero count need). Hashing the chars, not their UTF-8 bytes,
     * spares an array per value; the HyperLogLog states are not stored, so runs need not agree on the hash.
     */
    public static long hash(String key) {
        return UniqueHashState.hash(key);
    }

    HllState addHash(long x) {
        int index = (int) (x >>> (64 - p));
        long rest = x << p;
        int rank = rest == 0 ? 64 - p + 1 : Long.numberOfLeadingZeros(rest) + 1;
        if (rank > 64 - p + 1) {
            rank = 64 - p + 1;
        }
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
        return this;
    }

    /** Estimated number of distinct values (with linear counting for small cardinalities). */
    public double estimate() {
        int m = registers.length;
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += Math.scalb(1.0, -r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha;
        if (m == 16) {
            alpha = 0.673;
        } else if (m == 32) {
            alpha = 0.697;
        } else if (m == 64) {
            alpha = 0.709;
        } else {
            alpha = 0.7213 / (1 + 1.079 / m);
        }
        double raw = alpha * m * (double) m / sum;
        if (raw <= 2.5 * m && zeros > 0) {
            return m * Math.log((double) m / zeros);
        }
        return raw;
    }

    @Override
    public HllState merge(HllState other) {
        if (other.p != p) {
            throw new IllegalArgumentException("cannot merge HyperLogLog sketches of precision " + p + " and " + other.p);
        }
        HllState merged = new HllState(p);
        for (int i = 0; i < registers.length; i++) {
            merged.registers[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
        return merged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HllState h && h.p == p && Arrays.equals(h.registers, registers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers);
    }

    @Override
    public String toString() {
        return "HllState[p=" + p + ", estimate=" + estimate() + "]";
    }
}

package io.mastersync.quality;

import java.util.Arrays;

/** How many non-missing values were of each {@link DataType}. */
public final class TypeCountState implements State<TypeCountState> {

    private final long[] counts = new long[DataType.values().length];

    public TypeCountState add(DataType type) {
        counts[type.ordinal()]++;
        return this;
    }

    public long count(DataType type) {
        return counts[type.ordinal()];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public double share(DataType type) {
        long total = total();
        return total == 0 ? Double.NaN : (double) count(type) / total;
    }

    /** The most frequent type (ties: the first declared), or {@code null} when nothing was seen. */
    public DataType dominant() {
        DataType best = null;
        for (DataType t : DataType.values()) {
            if (count(t) > 0 && (best == null || count(t) > count(best))) {
                best = t;
            }
        }
        return best;
    }

    @Override
    public TypeCountState merge(TypeCountState other) {
        TypeCountState merged = new TypeCountState();
        for (int i = 0; i < counts.length; i++) {
            merged.counts[i] = counts[i] + other.counts[i];
        }
        return merged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeCountState t && Arrays.equals(t.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "TypeCountState" + Arrays.toString(counts);
    }
}

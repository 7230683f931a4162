package io.mastersync.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts per distinct value, with a memory guard: at most {@code cap} distinct values are
 * tracked. Once the guard trips, values not yet tracked are only counted as "other" and the state is
 * marked overflowed; exact metrics (distinct count, uniqueness) then refuse to answer.
 */
public final class FrequencyState implements State<FrequencyState> {

    private final int cap;
    private final Map<String, long[]> counts = new HashMap<>();
    private long nonMissing;
    private long otherCount;
    private boolean overflowed;

    public FrequencyState(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        this.cap = cap;
    }

    public FrequencyState add(String key) {
        add(key, 1);
        return this;
    }

    private void add(String key, long n) {
        nonMissing += n;
        long[] c = counts.get(key);
        if (c != null) {
            c[0] += n;
        } else if (counts.size() < cap) {
            counts.put(key, new long[] {n});
        } else {
            otherCount += n;
            overflowed = true;
        }
    }

    public int cap() {
        return cap;
    }

    /** Number of non-missing values seen. */
    public long nonMissing() {
        return nonMissing;
    }

    public boolean overflowed() {
        return overflowed;
    }

    /** Values not tracked because the guard had tripped. */
    public long otherCount() {
        return otherCount;
    }

    public int distinct() {
        return counts.size();
    }

    /** How many tracked values occurred exactly once. */
    public long singletons() {
        long n = 0;
        for (long[] c : counts.values()) {
            if (c[0] == 1) {
                n++;
            }
        }
        return n;
    }

    public long count(String key) {
        long[] c = counts.get(key);
        return c == null ? 0 : c[0];
    }

    /** Tracked values, most frequent first (ties by value), at most {@code limit}. */
    public List<Metric.Bucket> top(int limit) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Metric.Bucket> result = new ArrayList<>();
        for (Map.Entry<String, long[]> e : entries) {
            if (result.size() >= limit) {
                break;
            }
            result.add(new Metric.Bucket(e.getKey(), e.getValue()[0], share(e.getValue()[0])));
        }
        return result;
    }

    double share(long count) {
        return nonMissing == 0 ? 0 : (double) count / nonMissing;
    }

    @Override
    public FrequencyState merge(FrequencyState other) {
        FrequencyState merged = new FrequencyState(cap);
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            merged.add(e.getKey(), e.getValue()[0]);
        }
        for (Map.Entry<String, long[]> e : other.counts.entrySet()) {
            merged.add(e.getKey(), e.getValue()[0]);
        }
        merged.nonMissing += otherCount + other.otherCount;
        merged.otherCount += otherCount + other.otherCount;
        merged.overflowed |= overflowed || other.overflowed;
        return merged;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> m = new HashMap<>();
        counts.forEach((k, v) -> m.put(k, v[0]));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrequencyState f && f.nonMissing == nonMissing && f.otherCount == otherCount
                && f.overflowed == overflowed && f.snapshot().equals(snapshot());
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    @Override
    public String toString() {
        return "FrequencyState" + snapshot() + (overflowed ? " +" + otherCount + " other" : "");
    }
}

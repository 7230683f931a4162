package io.mastersync.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison ready to run on a data set: the comparator (built from the data where needed), the level cut
 * points and, with term-frequency adjustment, the frequency of each value of the field.
 *
 * <p>Levels are numbered from the best: 0 is the highest threshold, {@link #levelCount()}{@code - 1} is "else";
 * {@link #NULL_LEVEL} means a value is missing.
 */
public final class Comparison {

    public static final int NULL_LEVEL = -1;
    /** Term-frequency adjustments are clamped to this many bits either way. */
    static final double MAX_TF_ADJUSTMENT = 10.0;

    private final ComparisonSpec spec;
    private final FieldComparator comparator;
    private final double[] thresholds;
    private final Map<String, Double> valueFrequency;
    private final double sumSquaredFrequency;
    private final double unseenFrequency;

    public Comparison(ComparisonSpec spec, List<MatchRecord> records) {
        this.spec = spec;
        List<String> values = new ArrayList<>(records.size());
        for (MatchRecord r : records) {
            values.add(r.get(spec.field()));
        }
        this.comparator = Comparators.create(spec.method(), spec.params(), values);
        this.thresholds = spec.levels().stream().mapToDouble(Double::doubleValue).toArray();
        if (spec.termFrequency()) {
            Map<String, Integer> counts = new HashMap<>();
            int n = 0;
            for (String v : values) {
                if (v != null) {
                    counts.merge(tfKey(v), 1, Integer::sum);
                    n++;
                }
            }
            Map<String, Double> freq = new HashMap<>();
            double sumSq = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                double p = (double) e.getValue() / n;
                freq.put(e.getKey(), p);
                sumSq += p * p;
            }
            this.valueFrequency = freq;
            this.sumSquaredFrequency = sumSq;
            this.unseenFrequency = 1.0 / Math.max(n, 1);
        } else {
            this.valueFrequency = null;
            this.sumSquaredFrequency = 0;
            this.unseenFrequency = 0;
        }
    }

    private static String tfKey(String v) {
        return Text.normalizeDroppingPunctuation(v);
    }

    public ComparisonSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    /** Number of levels, not counting the null level. */
    public int levelCount() {
        return thresholds.length + 1;
    }

    public Double similarity(MatchRecord a, MatchRecord b) {
        Double s = comparator.similarity(a.get(spec.field()), b.get(spec.field()));
        if (s == null || s.isNaN()) {
            return null;
        }
        return Math.max(0.0, Math.min(1.0, s));
    }

    public int level(Double similarity) {
        if (similarity == null) {
            return NULL_LEVEL;
        }
        for (int k = 0; k < thresholds.length; k++) {
            if (similarity >= thresholds[k] - 1e-12) {
                return k;
            }
        }
        return thresholds.length;
    }

    public int level(MatchRecord a, MatchRecord b) {
        return level(similarity(a, b));
    }

    public String label(int level) {
        if (level == NULL_LEVEL) {
            return "null";
        }
        if (level == thresholds.length) {
            return "else";
        }
        double t = thresholds[level];
        return t >= 1.0 ? "exact" : ">=" + t;
    }

    /**
     * Extra weight (bits) for an agreement at the top level on a value, by how rare it is: {@code log2(sum p^2 / p_v)}
     * where {@code p_v} is the share of records with the value. A match on a rare surname counts more than on
     * "Smith"; the average over agreeing random pairs is about 0, so the EM weights stay calibrated. Zero when
     * the comparison has no term-frequency adjustment or the pair is not at level 0.
     */
    public double termFrequencyAdjustment(MatchRecord a, MatchRecord b, int level) {
        if (valueFrequency == null || level != 0) {
            return 0.0;
        }
        String va = a.get(spec.field());
        String vb = b.get(spec.field());
        if (va == null || vb == null) {
            return 0.0;
        }
        String ka = tfKey(va);
        String kb = tfKey(vb);
        double pa = valueFrequency.getOrDefault(ka, unseenFrequency);
        double pb = ka.equals(kb) ? pa : valueFrequency.getOrDefault(kb, unseenFrequency);
        double p = Math.max(pa, pb);
        double adj = Math.log(sumSquaredFrequency / p) / Math.log(2);
        return Math.max(-MAX_TF_ADJUSTMENT, Math.min(MAX_TF_ADJUSTMENT, adj));
    }

    public boolean termFrequency() {
        return valueFrequency != null;
    }
}

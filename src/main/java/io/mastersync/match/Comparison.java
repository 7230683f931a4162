package io.mastersync.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A comparison ready to run on a data set: the comparator (built from the data where needed), the level cut
 * points and, with term-frequency adjustment, the frequency of each value of the field.
 *
 * <p>Levels are numbered from the best: 0 is the highest threshold, {@link #levelCount()}{@code - 1} is "else";
 * {@link #NULL_LEVEL} means a value is missing.
 *
 * <p>The comparison keeps, per record of the data set it was built on, the value in the form its comparator
 * compares ({@link FieldComparator#prepare}) and the frequency of the value for the term-frequency adjustment,
 * so the methods taking record indices do no normalising and no look-ups per pair. The methods taking
 * {@link MatchRecord}s compute the same from the raw values. Thread-safe once built.
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
    /** Per record: the prepared value, null when missing; null when {@link #ids} says all. */
    private final Object[] prepared;
    /**
     * Per record the number of its value (-1 when missing) when the comparison compares numbers, not values:
     * for few distinct values (a city, a country) with {@link #table} holding the similarity of every two values,
     * computed once; for an equality comparison (see {@link FieldComparator#equality()}) with {@link #usable}.
     */
    private final int[] ids;
    private final double[] table;
    private final int distinct;
    private final boolean[] usable;
    /** Per record (term frequency only): the share of records with its value. */
    private final double[] frequency;
    /** Per record the number of its unit (see {@link ComparisonSpec#unitField()}), -1 when missing; null without. */
    private final int[] unit;

    public Comparison(ComparisonSpec spec, List<MatchRecord> records) {
        this(spec, records, null);
    }

    /**
     * @param needed the records that will be compared (null: all). An incremental match compares a small part of
     *               a million records: preparing only their values saves most of the set-up, while the comparator
     *               and the term frequencies are still built from every record, so weights equal a full match's.
     *               Methods taking indices of other records treat their value as missing.
     */
    public Comparison(ComparisonSpec spec, List<MatchRecord> records, boolean[] needed) {
        this.spec = spec;
        List<String> values = new ArrayList<>(records.size());
        for (MatchRecord r : records) {
            values.add(r.get(spec.field()));
        }
        this.comparator = Comparators.create(spec.method(), spec.params(), values);
        this.unit = spec.unitField() == null ? null : unitNumbers(spec.unitField(), records);
        this.thresholds = spec.levels().stream().mapToDouble(Double::doubleValue).toArray();
        // every distinct value is prepared (and its term-frequency key made) once, on all cores; a field whose
        // values hardly repeat (phone, e-mail) skips finding the distinct ones, which cost more than it saved
        int[] slot = new int[values.size()];
        String[] raw;
        if (mostlyDistinct(values)) {
            raw = values.toArray(String[]::new);
            for (int i = 0; i < slot.length; i++) {
                slot[i] = raw[i] == null ? -1 : i;
            }
        } else {
            Map<String, Integer> distinctValues = new HashMap<>();
            for (int i = 0; i < slot.length; i++) {
                String v = values.get(i);
                slot[i] = v == null ? -1 : distinctValues.computeIfAbsent(v, x -> distinctValues.size());
            }
            raw = new String[distinctValues.size()];
            distinctValues.forEach((v, k) -> raw[k] = v);
        }
        boolean[] wanted = null;
        if (needed != null && raw.length > SMALL_TABLE) {
            wanted = new boolean[raw.length];
            for (int i = 0; i < slot.length; i++) {
                if (needed[i] && slot[i] >= 0) {
                    wanted[slot[i]] = true;
                }
            }
        }
        boolean[] prepare = wanted;
        Object[] done = new Object[raw.length];
        IntStream.range(0, raw.length).parallel().forEach(k -> done[k] = raw[k] == null
                || (prepare != null && !prepare[k]) ? null : comparator.prepare(raw[k]));

        if (raw.length <= SMALL_TABLE) {
            this.ids = slot;
            this.distinct = raw.length;
            this.table = similarityTable(comparator, done);
            this.usable = null;
            this.prepared = null;
        } else if (comparator.equality()) {
            // equal prepared values get one number; a pair compares two ints instead of two strings far apart in memory
            Map<Object, Integer> numbers = new HashMap<>();
            int[] number = new int[raw.length];
            for (int k = 0; k < raw.length; k++) {
                number[k] = done[k] == null ? -1 : numbers.computeIfAbsent(done[k], x -> numbers.size());
            }
            boolean[] ok = new boolean[numbers.size()];
            numbers.forEach((v, n) -> ok[n] = !Double.isNaN(comparator.comparePrepared(v, v)));
            int[] perRecord = new int[slot.length];
            for (int i = 0; i < slot.length; i++) {
                perRecord[i] = slot[i] < 0 ? -1 : number[slot[i]];
            }
            this.ids = perRecord;
            this.distinct = numbers.size();
            this.table = null;
            this.usable = ok;
            this.prepared = null;
        } else {
            Object[] perRecord = new Object[slot.length];
            for (int i = 0; i < slot.length; i++) {
                perRecord[i] = slot[i] < 0 ? null : done[slot[i]];
            }
            this.ids = null;
            this.distinct = 0;
            this.table = null;
            this.usable = null;
            this.prepared = perRecord;
        }

        if (spec.termFrequency()) {
            String[] keys = new String[raw.length];
            IntStream.range(0, raw.length).parallel().forEach(k -> keys[k] = raw[k] == null ? null : tfKey(raw[k]));
            Map<String, Integer> counts = new HashMap<>();
            int n = 0;
            for (int s : slot) {
                if (s >= 0) {
                    counts.merge(keys[s], 1, Integer::sum);
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
            this.frequency = new double[slot.length];
            for (int i = 0; i < slot.length; i++) {
                frequency[i] = slot[i] < 0 ? Double.NaN : freq.get(keys[slot[i]]);
            }
        } else {
            this.valueFrequency = null;
            this.sumSquaredFrequency = 0;
            this.unseenFrequency = 0;
            this.frequency = null;
        }
    }

    /** More than half of the first 20,000 values distinct, in a data set bigger than that. */
    private static boolean mostlyDistinct(List<String> values) {
        int sample = 20_000;
        if (values.size() <= sample) {
            return false;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        int present = 0;
        for (int i = 0; i < values.size() && present < sample; i++) {
            if (values.get(i) != null) {
                present++;
                seen.add(values.get(i));
            }
        }
        return present == sample && seen.size() * 2 > sample;
    }

    /** Fields with at most this many distinct prepared values get a similarity table. */
    static final int SMALL_TABLE = 1000;

    /** The similarity of every ordered pair of the distinct values, on all cores. */
    private static double[] similarityTable(FieldComparator comparator, Object[] values) {
        int d = values.length;
        double[] table = new double[d * d];
        IntStream.range(0, d).parallel().forEach(x -> {
            for (int y = 0; y < d; y++) {
                table[x * d + y] = clamp(comparator.comparePrepared(values[x], values[y]));
            }
        });
        return table;
    }

    private static double clamp(double s) {
        return Double.isNaN(s) ? s : Math.max(0.0, Math.min(1.0, s));
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
    private static int[] unitNumbers(String field, List<MatchRecord> records) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] result = new int[records.size()];
        for (int i = 0; i < result.length; i++) {
            String u = unitKey(records.get(i).get(field));
            result[i] = u == null ? -1 : numbers.computeIfAbsent(u, x -> numbers.size());
        }
        return result;
    }

    private static boolean differentUnits(String a, String b) {
        String x = unitKey(a);
        String y = unitKey(b);
        return x != null && y != null && !x.equals(y);
    }

    /** Units compare without case and surrounding blanks; a blank unit is a missing one. */
    private static String unitKey(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return unit.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public int levelCount() {
        return thresholds.length + 1;
    }

    public Double similarity(MatchRecord a, MatchRecord b) {
        if (spec.unitField() != null && differentUnits(a.get(spec.unitField()), b.get(spec.unitField()))) {
            return null;
        }
        Double s = comparator.similarity(a.get(spec.field()), b.get(spec.field()));
        if (s == null || s.isNaN()) {
            return null;
        }
        return Math.max(0.0, Math.min(1.0, s));
    }

    /** Similarity of records {@code a} and {@code b} of the data set, in [0, 1]; NaN when not comparable. */
    public double similarity(int a, int b) {
        if (unit != null && unit[a] >= 0 && unit[b] >= 0 && unit[a] != unit[b]) {
            return Double.NaN;
        }
        if (ids != null) {
            int x = ids[a];
            int y = ids[b];
            if (x < 0 || y < 0) {
                return Double.NaN;
            }
            if (table != null) {
                return table[x * distinct + y];
            }
            return !usable[x] || !usable[y] ? Double.NaN : x == y ? 1.0 : 0.0;
        }
        Object x = prepared[a];
        Object y = prepared[b];
        if (x == null || y == null) {
            return Double.NaN;
        }
        return clamp(comparator.comparePrepared(x, y));
    }

    public int level(Double similarity) {
        if (similarity == null) {
            return NULL_LEVEL;
        }
        return level(similarity.doubleValue());
    }

    /** The level of a similarity; NaN is the null level. */
    public int level(double similarity) {
        if (Double.isNaN(similarity)) {
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

    /** The level of records {@code a} and {@code b} of the data set. */
    public int level(int a, int b) {
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
        return adjustment(Math.max(pa, pb));
    }

    /** {@link #termFrequencyAdjustment(MatchRecord, MatchRecord, int)} for records of the data set. */
    public double termFrequencyAdjustment(int a, int b, int level) {
        if (frequency == null || level != 0) {
            return 0.0;
        }
        double pa = frequency[a];
        double pb = frequency[b];
        if (Double.isNaN(pa) || Double.isNaN(pb)) {
            return 0.0;
        }
        return adjustment(Math.max(pa, pb));
    }

    private double adjustment(double p) {
        double adj = Math.log(sumSquaredFrequency / p) / Math.log(2);
        return Math.max(-MAX_TF_ADJUSTMENT, Math.min(MAX_TF_ADJUSTMENT, adj));
    }

    public boolean termFrequency() {
        return valueFrequency != null;
    }
}

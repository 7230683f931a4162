package io.mastersync.match;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Scored record pairs held as three arrays (record a, record b, weight in bits), strongest first: a million
 * scored pairs take 16 MB here, where {@link ScoredPair} objects with their evidence took over 400 bytes each.
 * The evidence of a pair is computed again when {@link #get} asks for it. Immutable.
 */
public final class ScoredPairs {

    private final int[] a;
    private final int[] b;
    private final double[] weight;
    private final FellegiSunterModel model;
    private final List<ScoredPair> given;

    ScoredPairs(int[] a, int[] b, double[] weight, FellegiSunterModel model) {
        this.a = a;
        this.b = b;
        this.weight = weight;
        this.model = model;
        this.given = null;
    }

    private ScoredPairs(List<ScoredPair> pairs) {
        this.a = pairs.stream().mapToInt(ScoredPair::a).toArray();
        this.b = pairs.stream().mapToInt(ScoredPair::b).toArray();
        this.weight = pairs.stream().mapToDouble(ScoredPair::weight).toArray();
        this.model = null;
        this.given = List.copyOf(pairs);
    }

    /** Pairs already built (in the given order), e.g. for tests of the clustering. */
    public static ScoredPairs of(List<ScoredPair> pairs) {
        return new ScoredPairs(pairs);
    }

    public int size() {
        return a.length;
    }

    /** Smaller record index of pair {@code i}. */
    public int a(int i) {
        return a[i];
    }

    /** Larger record index of pair {@code i}. */
    public int b(int i) {
        return b[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    public double probability(int i) {
        return given != null ? given.get(i).probability() : FellegiSunterModel.probability(weight[i]);
    }

    /** Pair {@code i} with its evidence per comparison (computed now). */
    public ScoredPair get(int i) {
        if (given != null) {
            return given.get(i);
        }
        ScoredPair p = model.score(a[i], b[i]);
        return new ScoredPair(a[i], b[i], weight[i], probability(i), p.evidence());
    }

    /** The pairs at the given positions, in that order. */
    ScoredPairs select(int[] positions) {
        int[] sa = new int[positions.length];
        int[] sb = new int[positions.length];
        double[] sw = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            sa[k] = a[positions[k]];
            sb[k] = b[positions[k]];
            sw[k] = weight[positions[k]];
        }
        if (given != null) {
            List<ScoredPair> picked = new java.util.ArrayList<>(positions.length);
            for (int p : positions) {
                picked.add(given.get(p));
            }
            return new ScoredPairs(picked);
        }
        return new ScoredPairs(sa, sb, sw, model);
    }

    /** A list view whose elements are built by {@link #get} on each access: iterate, do not keep them all. */
    public List<ScoredPair> asList() {
        class View extends AbstractList<ScoredPair> implements RandomAccess {
            @Override
            public ScoredPair get(int index) {
                return ScoredPairs.this.get(index);
            }

            @Override
            public int size() {
                return ScoredPairs.this.size();
            }
        }
        return new View();
    }
}

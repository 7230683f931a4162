package io.mastersync.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fellegi-Sunter scoring with estimated m and u: each comparison level weighs {@code log2(m/u)} bits; the total
 * is the prior log-odds {@code log2(lambda / (1 - lambda))} plus the level weights (and term-frequency
 * adjustments); the probability is {@code 1 / (1 + 2^-weight)}. The null level weighs 0.
 */
public final class FellegiSunterModel {

    private final List<Comparison> comparisons;
    private final double[][] m;
    private final double[][] u;
    private final double lambda;
    private final double[][] weights;
    private final double prior;

    public FellegiSunterModel(List<Comparison> comparisons, double[][] m, double[][] u, double lambda) {
        this.comparisons = List.copyOf(comparisons);
        this.m = m;
        this.u = u;
        this.lambda = lambda;
        this.weights = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            weights[c] = new double[m[c].length];
            for (int l = 0; l < m[c].length; l++) {
                weights[c][l] = log2(m[c][l] / u[c][l]);
            }
        }
        this.prior = log2(lambda / (1 - lambda));
    }

    public FellegiSunterModel(List<Comparison> comparisons, EmResult em) {
        this(comparisons, em.m(), em.u(), em.lambda());
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double lambda() {
        return lambda;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** Weight in bits of a level of a comparison; 0 for the null level. */
    public double levelWeight(int comparison, int level) {
        return level < 0 ? 0.0 : weights[comparison][level];
    }

    public double priorWeight() {
        return prior;
    }

    /** Total weight from a level vector (no term-frequency adjustment). */
    public double weight(byte[] levels, int offset) {
        double w = prior;
        for (int c = 0; c < comparisons.size(); c++) {
            w += levelWeight(c, levels[offset + c]);
        }
        return w;
    }

    /** Scores a pair from scratch, with the evidence of each comparison. */
    public ScoredPair score(int a, int b, MatchRecord ra, MatchRecord rb) {
        double w = prior;
        List<Evidence> evidence = new ArrayList<>(comparisons.size());
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison cmp = comparisons.get(c);
            Double sim = cmp.similarity(ra, rb);
            int level = cmp.level(sim);
            double lw = levelWeight(c, level) + cmp.termFrequencyAdjustment(ra, rb, level);
            w += lw;
            evidence.add(new Evidence(cmp.id(), sim, cmp.label(level), lw));
        }
        return new ScoredPair(Math.min(a, b), Math.max(a, b), w, probability(w), evidence);
    }

    /**
     * Scores records {@code a} and {@code b} of the data set the comparisons were built on, with evidence; the
     * same as {@link #score(int, int, MatchRecord, MatchRecord)} for those records.
     */
    public ScoredPair score(int a, int b) {
        double w = prior;
        List<Evidence> evidence = new ArrayList<>(comparisons.size());
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison cmp = comparisons.get(c);
            double sim = cmp.similarity(a, b);
            int level = cmp.level(sim);
            double lw = levelWeight(c, level) + cmp.termFrequencyAdjustment(a, b, level);
            w += lw;
            evidence.add(new Evidence(cmp.id(), Double.isNaN(sim) ? null : sim, cmp.label(level), lw));
        }
        return new ScoredPair(Math.min(a, b), Math.max(a, b), w, probability(w), evidence);
    }

    /** The weight of records {@code a} and {@code b} of the data set, without building the evidence. */
    public double weight(int a, int b) {
        double w = prior;
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison cmp = comparisons.get(c);
            int level = cmp.level(cmp.similarity(a, b));
            w += levelWeight(c, level) + cmp.termFrequencyAdjustment(a, b, level);
        }
        return w;
    }

    /**
     * The weight from a pair's level vector ({@code levels[offset + c]}) plus the term-frequency adjustments of
     * records {@code a} and {@code b}: the same sum in the same order as {@link #weight(int, int)}.
     */
    public double weight(byte[] levels, int offset, int a, int b) {
        double w = prior;
        for (int c = 0; c < comparisons.size(); c++) {
            int level = levels[offset + c];
            w += levelWeight(c, level) + comparisons.get(c).termFrequencyAdjustment(a, b, level);
        }
        return w;
    }

    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2, -weight));
    }

    /** A table of m, u and weights per level, for logs and reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "lambda=%.6f prior=%.2f bits%n", lambda, prior));
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison cmp = comparisons.get(c);
            for (int l = 0; l < m[c].length; l++) {
                sb.append(String.format(Locale.ROOT, "  %-16s %-8s m=%.4f u=%.6f w=%+.2f%n", cmp.id(), cmp.label(l),
                        m[c][l], u[c][l], weights[c][l]));
            }
        }
        return sb.toString();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

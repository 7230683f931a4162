package io.mastersync.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntToLongFunction;

/**
 * Unsupervised estimate of m, u and lambda that is not confounded by blocking (the approach of Splink):
 * <ol>
 * <li><b>u</b> = level frequencies among random record pairs (all allowed pairs when few), which are almost all
 * non-matches; fixed during EM.</li>
 * <li><b>m</b> by EM separately on the pairs of each blocking rule, leaving out the comparisons on the fields of
 * that rule's key (among a rule's pairs those fields agree for matches and non-matches alike, so they carry no
 * information there); each comparison's m is the average over the rules that did not block on it. Inside a rule's
 * EM, u is free too (starting from the level frequencies of the rule's pairs): the rule's non-matches are not
 * random pairs on fields that go with its key either (the city of records sharing a postal code, the name of
 * records sharing an e-mail address). With u fixed from random pairs, EM explained such agreement with matches:
 * a rule's lambda went to about 1 and its "m" became the profile of its non-matches (a phone number agreeing in
 * 3% of matches on a synthetic million, a known error on Chicago sites). Each level of m and u gets
 * {@link #PSEUDO_PAIRS} extra pair (add-one smoothing), so that small data sets do not end with levels of weight
 * -20 bits. A comparison blocked on by every rule
 * cannot be trained this way: it gets m from EM inside the rules' own pairs, with a note ({@link Matcher} does not
 * use this training then, see {@link #trainable}).</li>
 * <li><b>lambda</b>: EM over all candidate pairs with m fixed and u free gives the expected number of matches
 * among the candidates; lambda = that number / all allowed pairs, the prior of a random pair, consistent with u
 * from random pairs. Bounded by 1e-9 .. 1 - 1e-9 and by the candidates.</li>
 * <li>Random pairs hold about lambda * m matches at each level, so u is corrected to
 * {@code (f - lambda m) / (1 - lambda)} (floored at one pair in the sample) and steps 2 to 4 run once more.</li>
 * </ol>
 */
public final class PerRuleTraining {

    /** What the EM on one rule's pairs gave. */
    public record RuleFit(String ruleId, int pairs, List<String> heldOut, double lambda, int iterations,
            boolean converged) {
    }

    /** The fitted parameters plus how they came about. */
    public record Result(EmResult fit, double candidateLambda, double expectedMatches, List<RuleFit> rules,
            List<String> notes) {

        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "expected matches among candidates=%.1f (lambda among candidates=%.4f)%n", expectedMatches,
                    candidateLambda));
            for (RuleFit r : rules) {
                sb.append(String.format(Locale.ROOT, "  rule %-16s pairs=%d lambda=%.4f iterations=%d%s held out=%s%n",
                        r.ruleId(), r.pairs(), r.lambda(), r.iterations(), r.converged() ? "" : " (not converged)",
                        r.heldOut()));
            }
            for (String n : notes) {
                sb.append("  note: ").append(n).append('\n');
            }
            return sb.toString();
        }
    }

    private static final int ROUNDS = 2;
    /**
     * Pairs added to every level of m and u in each rule's EM (add-one smoothing). With m and u both free, a level
     * that none of a rule's few hundred expected matches falls in would otherwise get m at the floor: one
     * disagreeing postal code weighed -20 bits on a few hundred customers; negligible on large data.
     */
    static final double PSEUDO_PAIRS = 1.0;

    private PerRuleTraining() {
    }

    /**
     * @param comparisonIds  names of the comparisons (for notes)
     * @param levelCounts    levels per comparison
     * @param levels         candidate level vectors, {@code levels[pair * k + c]}
     * @param ruleMasks      per candidate pair, bit r set when rule r produced it
     * @param ruleIds        rule names, in bit order
     * @param blocked        {@code blocked[r][c]}: comparison c is on a field of rule r's key
     * @param randomLevels   level vectors of random record pairs (non-empty)
     * @param allPairs       number of allowed record pairs (dedupe / link / both)
     * @param maxMatches     most matches there can be (e.g. one-to-one linkage: records outside the largest
     *                       source); bounds lambda
     */
    public static Result train(List<String> comparisonIds, int[] levelCounts, byte[] levels, long[] ruleMasks,
            List<String> ruleIds, boolean[][] blocked, byte[] randomLevels, double allPairs, double maxMatches,
            int recordCount, EmSettings settings, Random random) {
        return train(comparisonIds, levelCounts, levels, i -> ruleMasks[i], ruleIds, blocked, randomLevels, allPairs,
                maxMatches, recordCount, settings, random);
    }

    /** As above, with the rule bits of pair {@code i} given by {@code ruleMasks.applyAsLong(i)}. */
    public static Result train(List<String> comparisonIds, int[] levelCounts, byte[] levels,
            IntToLongFunction ruleMasks, List<String> ruleIds, boolean[][] blocked, byte[] randomLevels,
            double allPairs, double maxMatches, int recordCount, EmSettings settings, Random random) {
        int k = levelCounts.length;
        int n = levels.length / k;
        int nRandom = randomLevels.length / k;
        List<String> notes = new ArrayList<>();
        double[][] f = ExpectationMaximisation.frequencies(levelCounts, randomLevels);
        double uFloor = 1.0 / (nRandom + 1.0);
        double[][] u = copy(f);
        double[][] m = ExpectationMaximisation.defaultM(levelCounts);
        double lambdaAll = 1e-9;
        double lambdaCand = 0;
        double expected = 0;
        int iterations = 0;
        boolean converged = true;
        List<RuleFit> fits = new ArrayList<>();
        // comparisons not blocked on by at least one rule
        boolean[] trainable = new boolean[k];
        for (boolean[] b : blocked) {
            for (int c = 0; c < k; c++) {
                trainable[c] |= !b[c];
            }
        }
        for (int c = 0; c < k; c++) {
            if (!trainable[c] && blocked.length > 0) {
                notes.add("every blocking rule uses the field of '" + comparisonIds.get(c) + "': its m is estimated "
                        + "inside the blocks (u free there), which overstates it");
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            fits.clear();
            double[][] mSum = zeros(levelCounts);
            int[] mCount = new int[k];
            for (int r = 0; r < ruleIds.size() && r < CandidatePairs.MAX_TRACKED_RULES; r++) {
                long bit = 1L << r;
                int[] used = new int[k];
                int kr = 0;
                List<String> heldOut = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    if (!blocked[r][c] || !trainable[c]) {
                        used[kr++] = c;
                    } else {
                        heldOut.add(comparisonIds.get(c));
                    }
                }
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if ((ruleMasks.applyAsLong(i) & bit) != 0) {
                        count++;
                    }
                }
                if (kr == 0 || count == 0) {
                    fits.add(new RuleFit(ruleIds.get(r), count, heldOut, Double.NaN, 0, true));
                    continue;
                }
                byte[] sub = project(levels, ruleMasks, n, bit, k, used, kr, count, settings.samplePairs(), random);
                int[] lc = new int[kr];
                double[][] mr = new double[kr][];
                for (int j = 0; j < kr; j++) {
                    lc[j] = levelCounts[used[j]];
                    mr[j] = round == 0 ? ExpectationMaximisation.defaultM(new int[] {lc[j]})[0] : m[used[j]].clone();
                }
                // u free, starting from the rule's own level frequencies: see the class comment, step 2
                double[][] ur = ExpectationMaximisation.frequencies(lc, sub);
                double lambdaInit = Math.max(1e-4, Math.min(0.5, (double) recordCount / count));
                EmResult fit = ExpectationMaximisation.estimate(lc, sub, ur, mr, lambdaInit, new boolean[kr],
                        new boolean[kr], 1 - 1e-6, PSEUDO_PAIRS, settings);
                iterations += fit.iterations();
                converged &= fit.converged();
                for (int j = 0; j < kr; j++) {
                    int c = used[j];
                    boolean useIt = !blocked[r][c] || !trainable[c];
                    if (useIt) {
                        for (int l = 0; l < levelCounts[c]; l++) {
                            mSum[c][l] += fit.m()[j][l];
                        }
                        mCount[c]++;
                    }
                }
                fits.add(new RuleFit(ruleIds.get(r), count, heldOut, fit.lambda(), fit.iterations(),
                        fit.converged()));
            }
            for (int c = 0; c < k; c++) {
                if (mCount[c] > 0) {
                    for (int l = 0; l < levelCounts[c]; l++) {
                        m[c][l] = mSum[c][l] / mCount[c];
                    }
                } else if (round == 0) {
                    notes.add("no rule estimated m of '" + comparisonIds.get(c) + "': default prior used");
                }
            }
            if (settings.monotone()) {
                for (int c = 0; c < k; c++) {
                    ExpectationMaximisation.monotone(m[c], u[c]);
                }
            }
            // expected matches among the candidates: m fixed, u free (the candidates' non-matches are not random)
            if (n > 0) {
                byte[] all = sampleAll(levels, n, k, settings.samplePairs(), random);
                boolean[] fixM = new boolean[k];
                Arrays.fill(fixM, true);
                double[][] uc = ExpectationMaximisation.frequencies(levelCounts, all);
                double lambdaInit = Math.max(1e-4, Math.min(0.5, (double) recordCount / n));
                EmResult fit = ExpectationMaximisation.estimate(levelCounts, all, uc, m, lambdaInit, fixM,
                        new boolean[k], 1 - 1e-6, settings);
                iterations += fit.iterations();
                converged &= fit.converged();
                lambdaCand = fit.lambda();
                expected = lambdaCand * n;
                if (expected > maxMatches) {
                    if (round == ROUNDS - 1) {
                        notes.add(String.format(Locale.ROOT, "EM expected %.0f matches among the candidates, more "
                                + "than can exist (%.0f); lambda bounded accordingly", expected, maxMatches));
                    }
                    expected = maxMatches;
                }
            }
            lambdaAll = Math.max(1e-9, Math.min(Math.min(expected, n) / Math.max(allPairs, 1), 1 - 1e-9));
            // random pairs are a mixture: f = lambda m + (1 - lambda) u
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int l = 0; l < levelCounts[c]; l++) {
                    u[c][l] = Math.max(uFloor, (f[c][l] - lambdaAll * m[c][l]) / (1 - lambdaAll));
                    sum += u[c][l];
                }
                for (int l = 0; l < levelCounts[c]; l++) {
                    u[c][l] /= sum;
                }
            }
        }
        if (settings.monotone()) {
            for (int c = 0; c < k; c++) {
                ExpectationMaximisation.monotone(m[c], u[c]);
            }
        }
        return new Result(new EmResult(lambdaAll, m, u, iterations, converged), lambdaCand, expected,
                List.copyOf(fits), List.copyOf(notes));
    }

    /** True when every comparison has at least one rule that does not block on its field. */
    public static boolean trainable(boolean[][] blocked, int k) {
        for (int c = 0; c < k; c++) {
            boolean ok = false;
            for (boolean[] b : blocked) {
                ok |= !b[c];
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The rule's pairs (a seeded sample of at most max), restricted to the used comparisons. */
    private static byte[] project(byte[] levels, IntToLongFunction masks, int n, long bit, int k, int[] used, int kr,
            int count, int max, Random random) {
        int take = Math.min(count, max);
        byte[] out = new byte[take * kr];
        int chosen = 0;
        int seen = 0;
        for (int i = 0; i < n && chosen < take; i++) {
            if ((masks.applyAsLong(i) & bit) == 0) {
                continue;
            }
            if (take == count || random.nextDouble() * (count - seen) < take - chosen) {
                for (int j = 0; j < kr; j++) {
                    out[chosen * kr + j] = levels[i * k + used[j]];
                }
                chosen++;
            }
            seen++;
        }
        return out;
    }

    private static byte[] sampleAll(byte[] levels, int n, int k, int max, Random random) {
        if (n <= max) {
            return levels;
        }
        byte[] out = new byte[max * k];
        int chosen = 0;
        for (int i = 0; i < n && chosen < max; i++) {
            if (random.nextDouble() * (n - i) < max - chosen) {
                System.arraycopy(levels, i * k, out, chosen * k, k);
                chosen++;
            }
        }
        return out;
    }

    private static double[][] zeros(int[] levelCounts) {
        double[][] z = new double[levelCounts.length][];
        for (int c = 0; c < levelCounts.length; c++) {
            z[c] = new double[levelCounts[c]];
        }
        return z;
    }

    private static double[][] copy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
        }
        return r;
    }
}

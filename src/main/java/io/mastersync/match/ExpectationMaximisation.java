package io.mastersync.match;


/**
 * Unsupervised estimate of m, u and lambda from comparison level vectors (no labels), by EM over the distinct
 * level patterns (pairs with the same vector are counted once with a multiplicity, so millions of pairs cost
 * no more than their few thousand patterns). A missing value (level {@link Comparison#NULL_LEVEL}) is left out of
 * both the likelihood and the counts of its comparison.
 */
public final class ExpectationMaximisation {

    private static final double FLOOR = 1e-6;
    private static final int NULL_CODE = 15;

    private ExpectationMaximisation() {
    }

    /**
     * @param levelCounts levels per comparison (without the null level)
     * @param levels      the level vectors, {@code levels[pair * k + c]}, {@code -1} for null
     * @param uInit       starting u (e.g. level frequencies among random pairs); null for the pairs' own frequencies
     * @param mInit       starting m; null for the default prior (higher levels likelier for matches)
     * @param lambdaInit  starting share of matches
     */
    public static EmResult estimate(int[] levelCounts, byte[] levels, double[][] uInit, double[][] mInit,
            double lambdaInit, EmSettings settings) {
        boolean[] fixU = new boolean[levelCounts.length];
        java.util.Arrays.fill(fixU, !settings.estimateU());
        return estimate(levelCounts, levels, uInit, mInit, lambdaInit, new boolean[levelCounts.length], fixU, 1.0,
                settings);
    }

    /**
     * EM with some parameters held fixed: {@code fixM[c]} keeps m of comparison c at {@code mInit[c]},
     * {@code fixU[c]} keeps u at {@code uInit[c]}. lambda stays at most {@code maxLambda}. Monotone weights
     * (settings) are only imposed on comparisons whose m is free.
     */
    public static EmResult estimate(int[] levelCounts, byte[] levels, double[][] uInit, double[][] mInit,
            double lambdaInit, boolean[] fixM, boolean[] fixU, double maxLambda, EmSettings settings) {
        return estimate(levelCounts, levels, uInit, mInit, lambdaInit, fixM, fixU, maxLambda, 0.0, settings);
    }

    /**
     * As above, adding {@code pseudoCount} pairs to every level of every free m and u in each M step (add-one
     * smoothing for 1): the estimate of a level no pair of a class falls in then stays near one pair in the
     * class's expected count instead of going to the floor, which on a few hundred records turned a single
     * disagreement into -20 bits.
     */
    public static EmResult estimate(int[] levelCounts, byte[] levels, double[][] uInit, double[][] mInit,
            double lambdaInit, boolean[] fixM, boolean[] fixU, double maxLambda, double pseudoCount,
            EmSettings settings) {
        int k = levelCounts.length;
        if (k == 0 || k > 16) {
            throw new IllegalArgumentException("EM needs 1 to 16 comparisons, got " + k);
        }
        for (int c : levelCounts) {
            if (c < 1 || c >= NULL_CODE) {
                throw new IllegalArgumentException("a comparison needs 1 to 14 levels");
            }
        }
        int n = levels.length / k;
        // each level vector as 4 bits per comparison; sorted, equal vectors are runs (no boxed map of millions)
        long[] keys = new long[n];
        for (int p = 0; p < n; p++) {
            long key = 0;
            for (int c = 0; c < k; c++) {
                int l = levels[p * k + c];
                key = (key << 4) | (l < 0 ? NULL_CODE : l);
            }
            keys[p] = key;
        }
        java.util.Arrays.parallelSort(keys);
        int patterns = 0;
        for (int p = 0; p < n; p++) {
            patterns += p == 0 || keys[p] != keys[p - 1] ? 1 : 0;
        }
        int[][] pat = new int[patterns][k];
        double[] count = new double[patterns];
        int idx = -1;
        for (int p = 0; p < n; p++) {
            if (p == 0 || keys[p] != keys[p - 1]) {
                idx++;
                long key = keys[p];
                for (int c = k - 1; c >= 0; c--) {
                    int code = (int) (key & 0xF);
                    pat[idx][c] = code == NULL_CODE ? -1 : code;
                    key >>>= 4;
                }
            }
            count[idx]++;
        }

        double[][] m = mInit != null ? copy(mInit) : defaultM(levelCounts);
        double[][] u = uInit != null ? copy(uInit) : frequencies(levelCounts, pat, count);
        double lambda = Math.min(lambdaInit, maxLambda);
        boolean converged = false;
        int it = 0;
        double[] g = new double[patterns];
        while (it < settings.maxIterations()) {
            it++;
            // E step: posterior match probability of each pattern
            double[][] logM = logs(m);
            double[][] logU = logs(u);
            double logL = Math.log(lambda);
            double log1L = Math.log(1 - lambda);
            for (int p = 0; p < patterns; p++) {
                double a = logL;
                double b = log1L;
                for (int c = 0; c < k; c++) {
                    int l = pat[p][c];
                    if (l >= 0) {
                        a += logM[c][l];
                        b += logU[c][l];
                    }
                }
                g[p] = 1.0 / (1.0 + Math.exp(b - a));
            }
            // M step
            double[][] mNew = new double[k][];
            double[][] uNew = new double[k][];
            for (int c = 0; c < k; c++) {
                mNew[c] = new double[levelCounts[c]];
                uNew[c] = new double[levelCounts[c]];
            }
            double matches = 0;
            double total = 0;
            for (int p = 0; p < patterns; p++) {
                double cm = count[p] * g[p];
                double cu = count[p] * (1 - g[p]);
                matches += cm;
                total += count[p];
                for (int c = 0; c < k; c++) {
                    int l = pat[p][c];
                    if (l >= 0) {
                        mNew[c][l] += cm;
                        uNew[c][l] += cu;
                    }
                }
            }
            double lambdaNew = Math.min(clamp(matches / total), maxLambda);
            for (int c = 0; c < k; c++) {
                if (fixM[c]) {
                    mNew[c] = m[c].clone();
                } else {
                    smooth(mNew[c], pseudoCount);
                    normalise(mNew[c], m[c]);
                }
                if (fixU[c]) {
                    uNew[c] = u[c].clone();
                } else {
                    smooth(uNew[c], pseudoCount);
                    normalise(uNew[c], u[c]);
                }
            }
            if (settings.monotone()) {
                for (int c = 0; c < k; c++) {
                    if (!fixM[c]) {
                        monotone(mNew[c], uNew[c]);
                    }
                }
            }
            double delta = Math.abs(lambdaNew - lambda);
            for (int c = 0; c < k; c++) {
                for (int l = 0; l < levelCounts[c]; l++) {
                    delta = Math.max(delta, Math.abs(mNew[c][l] - m[c][l]));
                    delta = Math.max(delta, Math.abs(uNew[c][l] - u[c][l]));
                }
            }
            m = mNew;
            u = uNew;
            lambda = lambdaNew;
            if (delta < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        return new EmResult(lambda, m, u, it, converged);
    }

    /**
     * Makes the likelihood ratio m/u non-increasing from the best level to the worst (pool adjacent violators,
     * weighted by u): a closer value never counts as weaker evidence of a match than a farther one. Where the
     * data say otherwise (usually because blocking made non-matches agree on a field), the violating levels
     * share one pooled ratio. m keeps its total; u is unchanged.
     */
    static void monotone(double[] m, double[] u) {
        int n = m.length;
        double[] blockM = new double[n];
        double[] blockU = new double[n];
        int[] blockEnd = new int[n];
        int blocks = 0;
        for (int l = 0; l < n; l++) {
            blockM[blocks] = m[l];
            blockU[blocks] = u[l];
            blockEnd[blocks] = l;
            blocks++;
            while (blocks > 1 && blockM[blocks - 2] / blockU[blocks - 2] < blockM[blocks - 1] / blockU[blocks - 1]) {
                blockM[blocks - 2] += blockM[blocks - 1];
                blockU[blocks - 2] += blockU[blocks - 1];
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }
        int start = 0;
        for (int b = 0; b < blocks; b++) {
            double ratio = blockM[b] / blockU[b];
            for (int l = start; l <= blockEnd[b]; l++) {
                m[l] = ratio * u[l];
            }
            start = blockEnd[b] + 1;
        }
    }

    /** Prior m: level l of L gets weight (L - l)^3, so the best level is the likeliest for a match. */
    public static double[][] defaultM(int[] levelCounts) {
        double[][] m = new double[levelCounts.length][];
        for (int c = 0; c < levelCounts.length; c++) {
            int levels = levelCounts[c];
            m[c] = new double[levels];
            double sum = 0;
            for (int l = 0; l < levels; l++) {
                m[c][l] = Math.pow(levels - l, 3);
                sum += m[c][l];
            }
            for (int l = 0; l < levels; l++) {
                m[c][l] /= sum;
            }
        }
        return m;
    }

    /** Level frequencies with add-one smoothing: u from random pairs. */
    public static double[][] frequencies(int[] levelCounts, byte[] levels) {
        int k = levelCounts.length;
        double[][] f = new double[k][];
        for (int c = 0; c < k; c++) {
            f[c] = new double[levelCounts[c]];
            java.util.Arrays.fill(f[c], 1.0);
        }
        for (int i = 0; i < levels.length; i++) {
            int l = levels[i];
            if (l >= 0) {
                f[i % k][l]++;
            }
        }
        for (double[] row : f) {
            normalise(row, row);
        }
        return f;
    }

    private static double[][] frequencies(int[] levelCounts, int[][] pat, double[] count) {
        int k = levelCounts.length;
        double[][] f = new double[k][];
        for (int c = 0; c < k; c++) {
            f[c] = new double[levelCounts[c]];
            java.util.Arrays.fill(f[c], 1.0);
        }
        for (int p = 0; p < pat.length; p++) {
            for (int c = 0; c < k; c++) {
                if (pat[p][c] >= 0) {
                    f[c][pat[p][c]] += count[p];
                }
            }
        }
        for (double[] row : f) {
            normalise(row, row);
        }
        return f;
    }

    private static void smooth(double[] counts, double pseudoCount) {
        if (pseudoCount > 0) {
            for (int l = 0; l < counts.length; l++) {
                counts[l] += pseudoCount;
            }
        }
    }

    /** Scales to sum 1 with a floor; keeps the previous row when there was no data at all. */
    private static void normalise(double[] row, double[] previous) {
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        if (sum <= 0) {
            System.arraycopy(previous, 0, row, 0, row.length);
            return;
        }
        double total = 0;
        for (int i = 0; i < row.length; i++) {
            row[i] = Math.max(row[i] / sum, FLOOR);
            total += row[i];
        }
        for (int i = 0; i < row.length; i++) {
            row[i] /= total;
        }
    }

    private static double clamp(double lambda) {
        return Math.max(1e-9, Math.min(1 - 1e-9, lambda));
    }

    private static double[][] logs(double[][] p) {
        double[][] r = new double[p.length][];
        for (int c = 0; c < p.length; c++) {
            r[c] = new double[p[c].length];
            for (int l = 0; l < p[c].length; l++) {
                r[c][l] = Math.log(p[c][l]);
            }
        }
        return r;
    }

    private static double[][] copy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
        }
        return r;
    }
}

package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** EM recovers known m, u and lambda from unlabelled level vectors generated from them. */
class ExpectationMaximisationTest {

    // three comparisons: 4 levels, 3 levels, 2 levels (best level first)
    static final double[][] M = {{0.70, 0.15, 0.10, 0.05}, {0.80, 0.15, 0.05}, {0.90, 0.10}};
    static final double[][] U = {{0.02, 0.05, 0.13, 0.80}, {0.05, 0.15, 0.80}, {0.10, 0.90}};
    static final double LAMBDA = 0.10;

    @Test
    void recoversKnownParametersFromTwentyThousandPairs() {
        int pairs = 20_000;
        int k = M.length;
        Random random = new Random(7);
        byte[] levels = new byte[pairs * k];
        int matches = 0;
        for (int p = 0; p < pairs; p++) {
            boolean match = random.nextDouble() < LAMBDA;
            matches += match ? 1 : 0;
            for (int c = 0; c < k; c++) {
                // 5% missing values, independent of match status
                levels[p * k + c] = random.nextDouble() < 0.05 ? (byte) Comparison.NULL_LEVEL
                        : (byte) draw(match ? M[c] : U[c], random);
            }
        }
        int[] levelCounts = {4, 3, 2};
        EmResult fit = ExpectationMaximisation.estimate(levelCounts, levels, null, null, 0.3,
                new EmSettings(200, 1e-7, pairs, 0, true, 1L));

        assertThat(fit.converged()).isTrue();
        assertThat(fit.lambda()).isCloseTo((double) matches / pairs, within(0.01));
        for (int c = 0; c < k; c++) {
            for (int l = 0; l < levelCounts[c]; l++) {
                assertThat(fit.m()[c][l]).as("m[%d][%d]", c, l).isCloseTo(M[c][l], within(0.03));
                assertThat(fit.u()[c][l]).as("u[%d][%d]", c, l).isCloseTo(U[c][l], within(0.015));
            }
        }
    }

    @Test
    void fixedUKeepsTheGivenU() {
        byte[] levels = {0, 0, 1, 1, 0, 1, 1, 1};
        double[][] u = {{0.1, 0.9}};
        EmResult fit = ExpectationMaximisation.estimate(new int[] {2}, levels, u, null, 0.2,
                new EmSettings(20, 1e-6, 100, 0, false, 1L));
        assertThat(fit.u()[0]).containsExactly(0.1, 0.9);
    }

    @Test
    void defaultPriorPrefersHigherLevelsForMatches() {
        double[][] m = ExpectationMaximisation.defaultM(new int[] {4, 2});
        assertThat(m[0][0]).isGreaterThan(m[0][1]);
        assertThat(m[0][1]).isGreaterThan(m[0][2]);
        assertThat(m[0][2]).isGreaterThan(m[0][3]);
        assertThat(m[1][0] + m[1][1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void modelTurnsLevelsIntoWeightsAndProbability() {
        double[][] m = {{0.9, 0.1}};
        double[][] u = {{0.1, 0.9}};
        FellegiSunterModel model = new FellegiSunterModel(java.util.List.of(), m, u, 0.5);
        assertThat(model.levelWeight(0, 0)).isCloseTo(Math.log(9) / Math.log(2), within(1e-9));
        assertThat(model.levelWeight(0, Comparison.NULL_LEVEL)).isZero();
        assertThat(model.priorWeight()).isZero();
        assertThat(FellegiSunterModel.probability(0)).isEqualTo(0.5);
        assertThat(FellegiSunterModel.probability(10)).isCloseTo(1024.0 / 1025, within(1e-12));
    }

    private static int draw(double[] probs, Random random) {
        double r = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < probs.length; i++) {
            acc += probs[i];
            if (r < acc) {
                return i;
            }
        }
        return probs.length - 1;
    }
}

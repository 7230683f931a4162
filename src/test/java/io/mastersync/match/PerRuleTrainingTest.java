package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Per-rule training on synthetic pairs with known m and u: comparison 0 is the field of rule 0 (all of rule 0's
 * pairs agree on it exactly, matches and non-matches alike), comparison 1 the field of rule 1; comparisons 2 and
 * 3 are blocked by neither. u comes from random pairs.
 */
class PerRuleTrainingTest {

    static final double[][] M = {{0.80, 0.15, 0.05}, {0.70, 0.20, 0.10}, {0.60, 0.30, 0.10}, {0.90, 0.10}};
    static final double[][] U = {{0.01, 0.09, 0.90}, {0.02, 0.08, 0.90}, {0.05, 0.15, 0.80}, {0.20, 0.80}};
    static final int[] LEVELS = {3, 3, 3, 2};
    static final EmSettings SETTINGS = new EmSettings(300, 1e-7, 2_000_000, 0, true, 1L, false, true);

    @Test
    void uComesFromRandomPairsCorrectedForTheFewMatchesAmongThem() {
        Random random = new Random(3);
        int k = LEVELS.length;
        int pairs = 400_000;
        double share = 0.002; // random pairs that happen to match: 12,000 expected matches of 6 million pairs
        byte[] randomLevels = new byte[pairs * k];
        for (int p = 0; p < pairs; p++) {
            boolean match = random.nextDouble() < share;
            for (int c = 0; c < k; c++) {
                randomLevels[p * k + c] = (byte) draw(match ? M[c] : U[c], random);
            }
        }
        Data d = blockedPairs(new Random(5));
        PerRuleTraining.Result r = PerRuleTraining.train(List.of("a", "b", "c", "d"), LEVELS, d.levels, d.masks,
                List.of("rule-a", "rule-b"), d.blocked, randomLevels, 6e6, 6e6, 2000, SETTINGS,
                new Random(1));
        for (int c = 0; c < k; c++) {
            for (int l = 0; l < LEVELS[c]; l++) {
                // the raw frequency at the best level is U + share * M; the correction takes the matches out
                assertThat(r.fit().u()[c][l]).as("u[%d][%d]", c, l).isCloseTo(U[c][l], within(0.003));
            }
        }
    }

    @Test
    void eachComparisonsMComesFromTheRulesThatDoNotBlockOnIt() {
        Random random = new Random(11);
        int k = LEVELS.length;
        byte[] randomLevels = new byte[200_000 * k];
        for (int p = 0; p < 200_000; p++) {
            for (int c = 0; c < k; c++) {
                randomLevels[p * k + c] = (byte) draw(U[c], random);
            }
        }
        Data d = blockedPairs(new Random(5));
        PerRuleTraining.Result r = PerRuleTraining.train(List.of("a", "b", "c", "d"), LEVELS, d.levels, d.masks,
                List.of("rule-a", "rule-b"), d.blocked, randomLevels, 1e7, 1e7, 2000, SETTINGS, new Random(1));

        assertThat(r.rules()).hasSize(2);
        assertThat(r.rules().get(0).heldOut()).containsExactly("a");
        assertThat(r.rules().get(1).heldOut()).containsExactly("b");
        assertThat(r.rules().get(0).lambda()).isCloseTo(0.3, within(0.03));
        assertThat(r.rules().get(1).lambda()).isCloseTo(0.3, within(0.03));
        for (int c = 0; c < k; c++) {
            for (int l = 0; l < LEVELS[c]; l++) {
                assertThat(r.fit().m()[c][l]).as("m[%d][%d]", c, l).isCloseTo(M[c][l], within(0.04));
            }
        }
        // the expected matches among the candidates: 30% of each rule's pairs
        assertThat(r.expectedMatches()).isCloseTo(0.3 * d.masks.length, within(0.05 * d.masks.length));

        // a single EM over all candidates would see comparison a agree in half the pairs regardless of status
        EmResult naive = ExpectationMaximisation.estimate(LEVELS, d.levels, null, null, 0.3, SETTINGS);
        assertThat(Math.abs(naive.m()[0][0] - M[0][0]) + Math.abs(naive.u()[0][0] - U[0][0]))
                .isGreaterThan(0.2);
    }

    @Test
    void aFieldThatFollowsTheBlockingKeyDoesNotTurnTheRulesNonMatchesIntoMatches() {
        // inside rule a's blocks comparison c agrees for non-matches too (a city follows its postal code):
        // with u fixed from random pairs, EM explained that agreement with matches and put lambda near 1
        Random random = new Random(13);
        int k = LEVELS.length;
        byte[] randomLevels = new byte[200_000 * k];
        for (int p = 0; p < 200_000; p++) {
            for (int c = 0; c < k; c++) {
                randomLevels[p * k + c] = (byte) draw(U[c], random);
            }
        }
        double[] cFollowsA = {0.90, 0.05, 0.05};
        Data d = blockedPairs(new Random(5), cFollowsA);
        PerRuleTraining.Result r = PerRuleTraining.train(List.of("a", "b", "c", "d"), LEVELS, d.levels, d.masks,
                List.of("rule-a", "rule-b"), d.blocked, randomLevels, 1e7, 1e7, 2000, SETTINGS, new Random(1));

        assertThat(r.rules().get(0).lambda()).isCloseTo(0.3, within(0.05));
        for (int c : new int[] {1, 3}) {
            for (int l = 0; l < LEVELS[c]; l++) {
                assertThat(r.fit().m()[c][l]).as("m[%d][%d]", c, l).isCloseTo(M[c][l], within(0.05));
            }
        }
    }

    @Test
    void trainableOnlyWhenEveryComparisonHasARuleNotBlockingOnIt() {
        assertThat(PerRuleTraining.trainable(new boolean[][] {{true, false}, {false, true}}, 2)).isTrue();
        assertThat(PerRuleTraining.trainable(new boolean[][] {{true, false}, {true, false}}, 2)).isFalse();
    }

    private record Data(byte[] levels, long[] masks, boolean[][] blocked) {
    }

    /** 20,000 pairs per rule, 30% matches; the rule's own field always at level 0 (exact) inside its blocks. */
    private static Data blockedPairs(Random random) {
        return blockedPairs(random, U[2]);
    }

    /** As above, with comparison c of rule a's non-matches drawn from {@code cInRuleA}. */
    private static Data blockedPairs(Random random, double[] cInRuleA) {
        int k = LEVELS.length;
        int perRule = 20_000;
        byte[] levels = new byte[2 * perRule * k];
        long[] masks = new long[2 * perRule];
        for (int p = 0; p < 2 * perRule; p++) {
            int rule = p < perRule ? 0 : 1;
            masks[p] = 1L << rule;
            boolean match = random.nextDouble() < 0.3;
            for (int c = 0; c < k; c++) {
                double[] u = c == 2 && rule == 0 ? cInRuleA : U[c];
                levels[p * k + c] = c == rule ? 0 : (byte) draw(match ? M[c] : u, random);
            }
        }
        return new Data(levels, masks, new boolean[][] {{true, false, false, false}, {false, true, false, false}});
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

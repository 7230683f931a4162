package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PairwiseEvaluationTest {

    @Test
    void countsAllPairsSharingAClusterAgainstTheTruth() {
        Set<PairwiseEvaluation.Pair> truth = Set.of(PairwiseEvaluation.Pair.of("a", "b"),
                PairwiseEvaluation.Pair.of("b", "c"), PairwiseEvaluation.Pair.of("a", "c"),
                PairwiseEvaluation.Pair.of("d", "e"));
        // predicted {a,b,c,x} -> 6 pairs, 3 true; {d} {e} apart -> 1 missed
        PairwiseEvaluation e = PairwiseEvaluation.of(List.of(List.of("a", "b", "c", "x"), List.of("d"), List.of("e")),
                truth);
        assertThat(e.truePositives()).isEqualTo(3);
        assertThat(e.predictedPairs()).isEqualTo(6);
        assertThat(e.truePairs()).isEqualTo(4);
        assertThat(e.line()).isEqualTo("precision=0.500 recall=0.750 f1=0.600 predicted_pairs=6 true_pairs=4");
    }

    @Test
    void filterRestrictsCountedPairs() {
        Set<PairwiseEvaluation.Pair> truth = Set.of(PairwiseEvaluation.Pair.of("A:1", "B:1"));
        PairwiseEvaluation e = PairwiseEvaluation.of(List.of(List.of("A:1", "B:1", "B:2")), truth,
                (x, y) -> x.charAt(0) != y.charAt(0));
        assertThat(e.line()).isEqualTo("precision=0.500 recall=1.000 f1=0.667 predicted_pairs=2 true_pairs=1");
    }

    @Test
    void emptyPredictionScoresZeroWithoutDividingByZero() {
        PairwiseEvaluation e = PairwiseEvaluation.of(List.of(List.of("a")), Set.of(PairwiseEvaluation.Pair.of("a", "b")));
        assertThat(e.f1()).isZero();
        assertThat(e.line()).startsWith("precision=0.000 recall=0.000 f1=0.000");
    }
}

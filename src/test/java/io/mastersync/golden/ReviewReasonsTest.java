package io.mastersync.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mastersync.match.ReviewGroup;
import io.mastersync.match.Thresholds;

class ReviewReasonsTest {

    private final ReviewReasons reasons = new ReviewReasons(new Thresholds(0.95, 0.6), false,
            List.of(new ReviewGroup(new int[] {3, 4, 5}, "component of 3 records with density 0.33 < 0.5")));

    @Test
    void aScoreBelowTheMatchThresholdSaysSoWithTheThresholds() {
        assertThat(reasons.of(3, 0.8)).isEqualTo("score between the review (0.6) and match (0.95) thresholds");
    }

    @Test
    void aMatchScoreInAGroupTheClusterGuardSplitGivesTheGuardsReason() {
        assertThat(reasons.of(4, 0.999)).startsWith("scored a match, but the cluster guard split its records apart")
                .contains("density 0.33 < 0.5");
    }

    @Test
    void anyOtherMatchScoreWasKeptApartByAStewardsDifferent() {
        assertThat(reasons.of(7, 0.999)).contains("a steward declared different").doesNotContain("one-to-one");
    }

    @Test
    void withOneToOneLinkageAMatchScoreMayHaveLostToAStrongerPartner() {
        assertThat(new ReviewReasons(new Thresholds(0.95, 0.6), true, List.of()).of(7, 0.999))
                .contains("one-to-one linkage gave one of its records a stronger partner");
    }
}

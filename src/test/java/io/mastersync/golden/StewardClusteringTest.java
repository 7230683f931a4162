package io.mastersync.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StewardClusteringTest {

    @Test
    void differentHoldsAgainstAChainAndSameForcesALink() {
        List<StewardClustering.Link> links = List.of(new StewardClustering.Link(0, 1, 10),
                new StewardClustering.Link(1, 2, 8), new StewardClustering.Link(3, 4, Double.POSITIVE_INFINITY));
        int[] roots = StewardClustering.cluster(5, links, List.<int[]>of(new int[] {0, 2}));
        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
        assertThat(roots[3]).isEqualTo(roots[4]);
    }

    @Test
    void aSameThatADifferentOverrulesIsReported() {
        // steward: 0~1 same, 1~2 same, 0~2 different: one of the two "same" cannot hold
        java.util.Map<Long, String> steward = new java.util.LinkedHashMap<>();
        steward.put(StewardClustering.key(0, 1), "same");
        steward.put(StewardClustering.key(1, 2), "same");
        steward.put(StewardClustering.key(0, 2), "different");
        List<StewardClustering.Link> links = List.of(new StewardClustering.Link(0, 1, Double.POSITIVE_INFINITY),
                new StewardClustering.Link(1, 2, Double.POSITIVE_INFINITY));

        int[] roots = StewardClustering.cluster(3, links, List.<int[]>of(new int[] {0, 2}));

        assertThat(MatchStep.overruledSame(steward, roots)).singleElement()
                .satisfies(pair -> assertThat(pair).containsExactly(1, 2));
        assertThat(MatchStep.overruledSame(java.util.Map.of(StewardClustering.key(0, 1), "same"), roots)).isEmpty();
    }
}

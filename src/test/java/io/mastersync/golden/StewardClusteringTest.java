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
}

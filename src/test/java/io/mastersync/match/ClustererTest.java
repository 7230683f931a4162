package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClustererTest {

    static final Thresholds THRESHOLDS = new Thresholds(0.95, 0.60);

    private static ScoredPair pair(int a, int b, double probability) {
        double weight = Math.log(probability / (1 - probability)) / Math.log(2);
        return new ScoredPair(Math.min(a, b), Math.max(a, b), weight, probability, List.of());
    }

    @Test
    void longChainOfWeakLinksIsSplitAndSentToReviewWhileTightCliqueIsKept() {
        List<ScoredPair> matches = new ArrayList<>();
        // chain 0-1-2-...-25 (A..Z): each link just above the match threshold, ends unrelated
        for (int i = 0; i < 25; i++) {
            matches.add(pair(i, i + 1, 0.96));
        }
        // clique 26..30: every pair strong
        for (int i = 26; i <= 30; i++) {
            for (int j = i + 1; j <= 30; j++) {
                matches.add(pair(i, j, 0.999));
            }
        }
        Clusterer.PairScorer scorer = (a, b) -> (a >= 26 && b >= 26) ? 0.999 : Math.abs(a - b) == 1 ? 0.96 : 0.01;
        ClusterResult result = Clusterer.cluster(31, matches, THRESHOLDS, ClusterSettings.DEFAULTS, scorer);

        assertThat(result.merged()).hasSize(1);
        assertThat(result.merged().get(0)).containsExactly(26, 27, 28, 29, 30);
        assertThat(result.review()).singleElement().satisfies(g -> {
            assertThat(g.members()).hasSize(26);
            assertThat(g.reason()).contains("density").contains("chained");
        });
        assertThat(result.clusters().stream().mapToInt(c -> c.length).sum()).isEqualTo(31);
    }

    @Test
    void chainWithOneStrongCoreKeepsTheCoreOnly() {
        List<ScoredPair> matches = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            matches.add(pair(i, i + 1, i == 4 ? 0.999 : 0.96));
        }
        ClusterResult result = Clusterer.cluster(10, matches, THRESHOLDS, ClusterSettings.DEFAULTS,
                (a, b) -> Math.abs(a - b) == 1 ? 0.96 : 0.0);
        assertThat(result.merged()).singleElement().satisfies(c -> assertThat(c).containsExactly(4, 5));
        assertThat(result.review()).hasSize(1);
    }

    @Test
    void strongCoreOfAFailingRebuiltPartStaysTogether() {
        // exact duplicates 0, 1, 2 and a chain 2-3-4-5 of strict edges: every edge survives the rebuild, and the
        // part of all six (6 linked pairs of 15) still fails min-density 0.5; it used to fall apart into singletons
        List<ScoredPair> matches = new ArrayList<>(List.of(pair(0, 1, 0.9999), pair(0, 2, 0.9999), pair(1, 2, 0.9999),
                pair(2, 3, 0.995), pair(3, 4, 0.994), pair(4, 5, 0.993)));
        Clusterer.PairScorer scorer = (a, b) -> (a <= 2 && b <= 2) || Math.abs(a - b) == 1 ? 0.99 : 0.01;
        ClusterResult result = Clusterer.cluster(6, matches, THRESHOLDS, ClusterSettings.DEFAULTS, scorer);

        // merged strongest first while the part passes: 0-1-2, then 3 (4 of 6 linked), 4 (5 of 10); not 5 (6 of 15)
        assertThat(result.clusters()).containsExactlyInAnyOrder(new int[] {0, 1, 2, 3, 4}, new int[] {5});
        assertThat(result.review()).singleElement().satisfies(g -> assertThat(g.reason()).contains("density"));
    }

    @Test
    void clusterOverMaxSizeIsRebuiltFromStrictEdgesWithinTheSizeCap() {
        List<ScoredPair> matches = new ArrayList<>();
        // two dense groups of 4 joined by one weaker edge; max size 5
        for (int g = 0; g < 2; g++) {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    matches.add(pair(g * 4 + i, g * 4 + j, 0.999));
                }
            }
        }
        matches.add(pair(3, 4, 0.995));
        ClusterResult result = Clusterer.cluster(8, matches, THRESHOLDS, new ClusterSettings(5, 0.0, 0.99), null);
        assertThat(result.merged()).hasSize(2);
        assertThat(result.merged()).allSatisfy(c -> assertThat(c).hasSize(4));
        assertThat(result.review()).singleElement().satisfies(g -> assertThat(g.reason()).contains("max-size 5"));
    }

    @Test
    void withoutScorerDensityComesFromTheMatchEdges() {
        List<ScoredPair> triangle = List.of(pair(0, 1, 0.99), pair(1, 2, 0.99), pair(0, 2, 0.99));
        ClusterResult r = Clusterer.cluster(3, triangle, THRESHOLDS, ClusterSettings.DEFAULTS, null);
        assertThat(r.merged()).singleElement().satisfies(c -> assertThat(c).containsExactly(0, 1, 2));
        assertThat(r.review()).isEmpty();
    }

    @Test
    void oneToOneKeepsTheStrongestCrossSourceMatchPerRecord() {
        List<MatchRecord> recs = List.of(new MatchRecord("a", "1", Map.of()), new MatchRecord("a", "2", Map.of()),
                new MatchRecord("b", "1", Map.of()), new MatchRecord("b", "2", Map.of()));
        List<ScoredPair> pairs = List.of(pair(0, 2, 0.99), pair(0, 3, 0.999), pair(1, 3, 0.98), pair(1, 2, 0.97),
                pair(0, 1, 0.99));
        List<ScoredPair> kept = Clusterer.oneToOne(pairs, recs);
        assertThat(kept).extracting(p -> p.a() + "-" + p.b()).containsExactlyInAnyOrder("0-3", "1-2", "0-1");
    }

    @Test
    void everyRecordEndsInExactlyOneCluster() {
        ClusterResult r = Clusterer.cluster(5, List.of(pair(0, 4, 0.99)), THRESHOLDS, ClusterSettings.DEFAULTS, null);
        int[] seen = new int[5];
        r.clusters().forEach(c -> Arrays.stream(c).forEach(i -> seen[i]++));
        assertThat(seen).containsOnly(1);
        assertThat(r.merged()).singleElement().satisfies(c -> assertThat(c).containsExactly(0, 4));
    }
}

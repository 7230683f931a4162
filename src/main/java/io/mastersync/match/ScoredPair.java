package io.mastersync.match;

import java.util.List;

/**
 * A compared pair (record indices {@code a < b}) with its total match weight in bits (prior log-odds plus the
 * evidence), its match probability and the evidence per comparison.
 */
public record ScoredPair(int a, int b, double weight, double probability, List<Evidence> evidence) {

    public ScoredPair {
        evidence = List.copyOf(evidence);
    }

    public MatchDecision decision(Thresholds thresholds) {
        return thresholds.classify(probability);
    }
}

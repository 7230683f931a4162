package io.mastersync.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Outcome of a matching run over a list of records (indices refer to that list).
 *
 * @param candidates  the candidate pairs and the per-rule report
 * @param model       the fitted Fellegi-Sunter model
 * @param em          the EM estimate behind it
 * @param training    how the per-rule training got there (null with the legacy single EM)
 * @param scoredPairs the pairs at or above the review threshold (MATCH and POSSIBLE), strongest first
 * @param matchPairs  the pairs used for clustering (MATCH, after the one-to-one constraint when enabled),
 *                    strongest first
 * @param clusters    the clusters and the groups sent to review
 * @param warnings    guard warnings (oversized blocks, capped rules)
 */
public record MatchResult(CandidatePairs candidates, FellegiSunterModel model, EmResult em,
        PerRuleTraining.Result training, ScoredPairs scoredPairs, ScoredPairs matchPairs, ClusterResult clusters,
        List<String> warnings) {

    /** The scored pairs with their evidence, built on access (see {@link ScoredPairs#asList}). */
    public List<ScoredPair> scored() {
        return scoredPairs.asList();
    }

    /** The match pairs with their evidence, built on access. */
    public List<ScoredPair> matches() {
        return matchPairs.asList();
    }

    public List<ScoredPair> possible(Thresholds thresholds) {
        List<ScoredPair> out = new ArrayList<>();
        for (int i = 0; i < scoredPairs.size(); i++) {
            if (thresholds.classify(scoredPairs.probability(i)) == MatchDecision.POSSIBLE) {
                out.add(scoredPairs.get(i));
            }
        }
        return out;
    }
}

package io.mastersync.match;

import java.util.List;

/**
 * Outcome of a matching run over a list of records (indices refer to that list).
 *
 * @param candidates the candidate pairs and the per-rule report
 * @param model      the fitted Fellegi-Sunter model
 * @param em         the EM estimate behind it
 * @param training   how the per-rule training got there (null with the legacy single EM)
 * @param scored     the pairs at or above the review threshold (MATCH and POSSIBLE), strongest first
 * @param matches    the pairs used for clustering (MATCH, after the one-to-one constraint when enabled)
 * @param clusters   the clusters and the groups sent to review
 * @param warnings   guard warnings (oversized blocks, capped rules)
 */
public record MatchResult(CandidatePairs candidates, FellegiSunterModel model, EmResult em,
        PerRuleTraining.Result training, List<ScoredPair> scored,
        List<ScoredPair> matches, ClusterResult clusters, List<String> warnings) {

    public List<ScoredPair> possible(Thresholds thresholds) {
        return scored.stream().filter(p -> p.decision(thresholds) == MatchDecision.POSSIBLE).toList();
    }
}

package io.mastersync.match;

import java.util.List;

/**
 * Every record in exactly one cluster (singletons included), members sorted by record index; plus the groups the
 * guards split, for review.
 */
public record ClusterResult(List<int[]> clusters, List<ReviewGroup> review) {

    /** Clusters with two or more records. */
    public List<int[]> merged() {
        return clusters.stream().filter(c -> c.length > 1).toList();
    }
}

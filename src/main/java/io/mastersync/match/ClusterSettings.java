package io.mastersync.match;

/**
 * Guards against chained clusters (A~B, B~C, ... , Y~Z put A and Z together though they share nothing).
 *
 * @param maxSize         a cluster with more records is split
 * @param minDensity      a cluster of 3+ records in which fewer than this share of its pairs reach the review
 *                        threshold is split (a chain of n records has density about 2/n, a clique 1.0)
 * @param strictThreshold the probability an edge needs to be kept when a cluster is rebuilt
 */
public record ClusterSettings(int maxSize, double minDensity, double strictThreshold) {

    public static final ClusterSettings DEFAULTS = new ClusterSettings(50, 0.5, 0.99);

    public ClusterSettings {
        if (maxSize < 2 || minDensity < 0 || minDensity > 1 || strictThreshold < 0 || strictThreshold > 1) {
            throw new IllegalArgumentException("invalid cluster settings");
        }
    }
}

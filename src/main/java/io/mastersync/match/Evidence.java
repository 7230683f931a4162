package io.mastersync.match;

/**
 * Why a pair scored as it did, for one comparison: the similarity (null when a value is missing), the level it
 * fell in and the weight in bits it contributed (log2(m/u), plus any term-frequency adjustment).
 */
public record Evidence(String comparisonId, Double similarity, String level, double weight) {
}

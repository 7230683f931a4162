package io.mastersync.match;

/** Outcome of a scored pair against the two thresholds. */
public enum MatchDecision {
    /** probability >= match threshold: merged automatically. */
    MATCH,
    /** review threshold <= probability < match threshold: for a data steward. */
    POSSIBLE,
    /** below the review threshold. */
    NO_MATCH
}

package io.mastersync.match;

/** The two probability thresholds: {@code match} (automatic) and {@code review} (steward), review <= match. */
public record Thresholds(double match, double review) {

    public Thresholds {
        if (!(review >= 0 && review <= match && match <= 1)) {
            throw new IllegalArgumentException("thresholds need 0 <= review <= match <= 1, got match=" + match
                    + " review=" + review);
        }
    }

    public MatchDecision classify(double probability) {
        if (probability >= match) {
            return MatchDecision.MATCH;
        }
        return probability >= review ? MatchDecision.POSSIBLE : MatchDecision.NO_MATCH;
    }
}

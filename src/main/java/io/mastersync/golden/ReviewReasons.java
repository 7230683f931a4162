package io.mastersync.golden;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mastersync.match.ReviewGroup;
import io.mastersync.match.Thresholds;

/**
 * Why a pair is left for a steward: a score between the review and match thresholds, or a match score whose records
 * were kept apart, by the cluster guard, by one-to-one linkage or so that no cluster holds a pair a steward declared
 * different. Without it
 * a pair at probability 1.0 waiting for review looks like a mistake.
 */
final class ReviewReasons {

    private final Thresholds thresholds;
    private final boolean oneToOne;
    private final Map<Integer, String> guardReasonByRecord = new HashMap<>();

    /** @param oneToOne the match file's {@code one-to-one}: a match score may lose to a stronger partner */
    ReviewReasons(Thresholds thresholds, boolean oneToOne, List<ReviewGroup> guarded) {
        this.thresholds = thresholds;
        this.oneToOne = oneToOne;
        for (ReviewGroup group : guarded) {
            for (int r : group.members()) {
                guardReasonByRecord.put(r, group.reason());
            }
        }
    }

    /** The reason for a pending pair with record {@code a} and this probability. */
    String of(int a, double probability) {
        if (probability < thresholds.match()) {
            return String.format(Locale.ROOT, "score between the review (%s) and match (%s) thresholds",
                    thresholds.review(), thresholds.match());
        }
        String guard = guardReasonByRecord.get(a);
        if (guard != null) {
            return "scored a match, but the cluster guard split its records apart: " + guard;
        }
        return oneToOne ? "scored a match, but kept apart: one-to-one linkage gave one of its records a stronger partner,"
                + " or linking it would put a pair a steward declared different into one cluster"
                : "scored a match, but kept apart: linking it would put a pair a steward declared different into one"
                        + " cluster";
    }
}

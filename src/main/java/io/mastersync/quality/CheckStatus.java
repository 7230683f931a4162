package io.mastersync.quality;

import java.util.Locale;

/**
 * Outcome of one check: passed; failed (an error-severity check did not hold); warning (a
 * warning-severity check did not hold); skipped (the metric is undefined, e.g. the mean of no values);
 * error (the check could not be evaluated, e.g. its column does not exist).
 */
public enum CheckStatus {
    PASSED, FAILED, WARNING, SKIPPED, ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Failed, warning or error: the outcomes a report lists first. */
    public boolean isProblem() {
        return this == FAILED || this == WARNING || this == ERROR;
    }
}

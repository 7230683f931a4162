package io.mastersync.quality;

import java.util.Collection;
import java.util.Locale;

/**
 * The overall outcome of a run's checks. Failed when any error-severity check failed or could not be
 * evaluated (an unverifiable error check is not a pass); passed with warnings when a warning-severity
 * check did not hold or errored; otherwise passed.
 */
public enum QualityVerdict {
    PASSED, PASSED_WITH_WARNINGS, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static QualityVerdict of(Collection<CheckResult> results) {
        boolean warnings = false;
        for (CheckResult r : results) {
            if (r.severity() == CheckSeverity.ERROR && (r.status() == CheckStatus.FAILED || r.status() == CheckStatus.ERROR)) {
                return FAILED;
            }
            if (r.status().isProblem()) {
                warnings = true;
            }
        }
        return warnings ? PASSED_WITH_WARNINGS : PASSED;
    }
}

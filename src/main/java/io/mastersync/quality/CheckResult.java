package io.mastersync.quality;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one check in one run.
 *
 * @param metricValue the metric's value, NaN when it could not be computed
 * @param expectation the threshold or anomaly rule in words
 * @param examples    a few violating rows for row-level metrics (completeness, pattern, contained-in)
 */
public record CheckResult(String checkId, CheckSeverity severity, CheckStatus status, double metricValue, String message,
        String dataset, String column, String metric, String expectation, List<Map<String, String>> examples) {

    public CheckResult {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public CheckResult(String checkId, CheckSeverity severity, CheckStatus status, double metricValue, String message) {
        this(checkId, severity, status, metricValue, message, null, null, null, null, List.of());
    }
}

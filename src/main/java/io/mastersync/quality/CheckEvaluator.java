package io.mastersync.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checks against the metrics of a profile and the history of earlier runs. Never throws for a
 * single check: whatever goes wrong becomes a result with status {@link CheckStatus#ERROR}.
 */
public final class CheckEvaluator {

    private final MetricHistory history;

    public CheckEvaluator(MetricHistory history) {
        this.history = history == null ? MetricHistory.NONE : history;
    }

    public List<CheckResult> evaluate(List<? extends Check> checks, AnalysisResult profile) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(evaluate(check, profile));
        }
        return results;
    }

    public CheckResult evaluate(Check check, AnalysisResult profile) {
        Analyzer<?> analyzer = check.analyzer();
        String what = analyzer.metricName() + (analyzer.column() == null ? "" : " of " + analyzer.column());
        List<Map<String, String>> examples = profile.examples(analyzer);
        double value = Double.NaN;
        try {
            if (profile.error(analyzer).isPresent()) {
                return result(check, profile, CheckStatus.ERROR, value, profile.error(analyzer).get(), List.of());
            }
            Metric metric = profile.metric(analyzer).orElse(null);
            if (metric == null) {
                return result(check, profile, CheckStatus.ERROR, value, what + " was not computed for this dataset", List.of());
            }
            value = metric.value();
            if (!metric.defined()) {
                return result(check, profile, CheckStatus.SKIPPED, value, what + " is undefined (no values)", List.of());
            }
            if (check instanceof AssertionCheck a) {
                boolean holds = a.assertion().test(value);
                String message = what + " is " + Assertion.display(value) + ", expected " + a.assertion();
                return result(check, profile, holds ? CheckStatus.PASSED : failure(check), value, message,
                        holds ? List.of() : examples);
            }
            AnomalyCheck anomaly = (AnomalyCheck) check;
            List<Double> previous = history.previousValues(profile.dataset(), analyzer.column(), analyzer.metricName(),
                    anomaly.strategy().historyNeeded());
            if (previous.isEmpty()) {
                return result(check, profile, CheckStatus.PASSED, value, "no history yet (first run)", List.of());
            }
            AnomalyStrategy.Verdict verdict = anomaly.strategy().judge(value, previous);
            return result(check, profile, verdict.normal() ? CheckStatus.PASSED : failure(check), value,
                    what + " " + verdict.message(), List.of());
        } catch (RuntimeException e) {
            return result(check, profile, CheckStatus.ERROR, value,
                    "could not evaluate: " + (e.getMessage() == null ? e.toString() : e.getMessage()), List.of());
        }
    }

    private static CheckStatus failure(Check check) {
        return check.severity() == CheckSeverity.ERROR ? CheckStatus.FAILED : CheckStatus.WARNING;
    }

    private static CheckResult result(Check check, AnalysisResult profile, CheckStatus status, double value, String message,
            List<Map<String, String>> examples) {
        return new CheckResult(check.id(), check.severity(), status, value, message, profile.dataset(),
                check.analyzer().column(), check.analyzer().metricName(), check.expectation(), examples);
    }
}

package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEvaluatorTest {

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            row.put((String) kv[i], kv[i + 1]);
        }
        return row;
    }

    static List<Map<String, Object>> customers() {
        return List.of(
                row("source-key", "C1", "email", "a@x.de", "country", "DE", "credit-limit", 100),
                row("source-key", "C2", "email", null, "country", "FR", "credit-limit", 200),
                row("source-key", "C3", "email", "c@x.de", "country", "XX", "credit-limit", 300),
                row("source-key", "C4", "email", "d@x.de", "country", "DE", "credit-limit", 400));
    }

    static AnalysisResult profile(List<? extends Check> checks) {
        List<Analyzer<?>> analyzers = new ArrayList<>();
        checks.forEach(c -> analyzers.add(c.analyzer()));
        return new ProfileRunner("customer", analyzers, List.of("source-key"), 5).run(customers());
    }

    static CheckResult evaluate(Check check) {
        return new CheckEvaluator(MetricHistory.NONE).evaluate(check, profile(List.of(check)));
    }

    static AssertionCheck assertion(String id, CheckSeverity severity, Analyzer<?> analyzer, String expression) {
        return new AssertionCheck(id, severity, analyzer, Assertion.parse(expression));
    }

    @Test
    void assertOperators() {
        Completeness email = new Completeness("email"); // 0.75
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, ">= 0.75")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, ">= 0.95")).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(evaluate(assertion("a", CheckSeverity.WARNING, email, ">= 0.95")).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, "> 0.75")).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, "> 0.7")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, "<= 0.75")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, "< 0.75")).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, email, "== 0.75")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, new Size(), "between 4 and 10")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, new Size(), "between 1 and 4")).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(evaluate(assertion("a", CheckSeverity.ERROR, new Size(), "between 5 and 10")).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void assertionParsingAndTolerance() {
        assertThat(Assertion.parse("  between 900000 and 1100000 ").toString()).isEqualTo("between 900000 and 1100000");
        assertThat(Assertion.parse("==1.0").test(0.1 + 0.2 + 0.7)).isTrue();
        assertThat(Assertion.parse(">= 1e3").test(1000)).isTrue();
        assertThat(Assertion.parse(">= 0").test(Double.NaN)).isFalse();
        assertThatThrownBy(() -> Assertion.parse("=> 1")).hasMessageContaining("cannot read assertion");
        assertThatThrownBy(() -> Assertion.parse("between 5 and 1")).hasMessageContaining("lower bound");
        assertThatThrownBy(() -> Assertion.parse("")).hasMessageContaining("empty");
    }

    @Test
    void messagesShowAtMostFourDecimals() {
        assertThat(Assertion.display(48.0 / 49)).isEqualTo("0.9796");
        assertThat(Assertion.display(0.75)).isEqualTo("0.75");
        assertThat(Assertion.display(1_000_000)).isEqualTo("1000000");
    }

    @Test
    void failedResultCarriesMetricThresholdAndExampleRows() {
        CheckResult result = evaluate(assertion("email-complete", CheckSeverity.ERROR, new Completeness("email"), ">= 0.95"));
        assertThat(result.metricValue()).isEqualTo(0.75);
        assertThat(result.expectation()).isEqualTo(">= 0.95");
        assertThat(result.message()).isEqualTo("completeness of email is 0.75, expected >= 0.95");
        assertThat(result.column()).isEqualTo("email");
        assertThat(result.dataset()).isEqualTo("customer");
        assertThat(result.examples()).hasSize(1);
        assertThat(result.examples().get(0)).containsEntry("source-key", "C2").containsEntry("email", null);
    }

    @Test
    void containedInWithReferenceFile(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.yml");
        Files.writeString(dir.resolve("countries.csv"), "DE\nFR\nAT\n");
        Files.writeString(rules, """
                checks:
                  - id: country-known
                    metric: contained-in
                    column: country
                    reference: countries.csv
                    assert: "== 1.0"
                  - id: country-mostly-known
                    metric: contained-in
                    column: country
                    reference: countries.csv
                    assert: ">= 0.75"
                """);
        QualityChecks checks = QualityChecksParser.parse(rules);
        List<CheckResult> results = new CheckEvaluator(MetricHistory.NONE).evaluate(checks.checks(),
                new ProfileRunner("customer", checks.analyzers(), List.of("source-key"), 5).run(customers()));
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(results.get(0).metricValue()).isEqualTo(0.75);
        assertThat(results.get(0).examples()).containsExactly(Map.of("source-key", "C3", "country", "XX"));
        assertThat(results.get(1).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(checks.analyzers()).hasSize(1); // same analyzer, computed once
    }

    @Test
    void checkOnMissingColumnIsAnErrorNotACrash() {
        CheckResult result = evaluate(assertion("x", CheckSeverity.WARNING, new Completeness("no-such-column"), ">= 1"));
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).contains("column 'no-such-column' does not exist");
        assertThat(Double.isNaN(result.metricValue())).isTrue();
    }

    @Test
    void checkWhoseMetricIsRefusedOrUndefinedOrThrows() {
        CheckResult refused = evaluate(assertion("x", CheckSeverity.ERROR, new DistinctCount("country", 2), "> 1"));
        assertThat(refused.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(refused.message()).contains("more than 2 distinct values");

        CheckResult undefined = evaluate(assertion("x", CheckSeverity.ERROR, new Mean("email"), "> 1"));
        assertThat(undefined.status()).isEqualTo(CheckStatus.SKIPPED);

        MetricHistory broken = (d, c, m, n) -> {
            throw new IllegalStateException("database down");
        };
        AnomalyCheck anomaly = new AnomalyCheck("a", CheckSeverity.ERROR, new Size(), new AnomalyStrategy.RelativeChange(0.1, null));
        CheckResult error = new CheckEvaluator(broken).evaluate(anomaly, profile(List.of(anomaly)));
        assertThat(error.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(error.message()).contains("database down");
        assertThat(error.metricValue()).isEqualTo(4);
    }

    /** An in-memory history: values per metric name, oldest first. */
    static MetricHistory history(Map<String, List<Double>> values) {
        return (dataset, column, metric, limit) -> {
            List<Double> all = values.getOrDefault(metric + "/" + column, List.of());
            return all.subList(Math.max(0, all.size() - limit), all.size());
        };
    }

    @Test
    void anomalyWithoutHistoryPassesOnFirstRun() {
        AnomalyCheck check = new AnomalyCheck("rows", CheckSeverity.ERROR, new Size(), new AnomalyStrategy.RelativeChange(0.1, null));
        CheckResult result = new CheckEvaluator(MetricHistory.NONE).evaluate(check, profile(List.of(check)));
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.message()).isEqualTo("no history yet (first run)");
    }

    @Test
    void relativeChangeAgainstPreviousRun() {
        Map<String, List<Double>> values = new HashMap<>();
        AnomalyCheck drop = new AnomalyCheck("rows", CheckSeverity.ERROR, new Size(), new AnomalyStrategy.RelativeChange(0.10, null));
        AnomalyCheck growth = new AnomalyCheck("rows-up", CheckSeverity.WARNING, new Size(), new AnomalyStrategy.RelativeChange(null, 0.5));
        CheckEvaluator evaluator = new CheckEvaluator(history(values));
        AnalysisResult profile = profile(List.of(drop)); // size 4

        values.put("size/null", List.of(100.0, 4.4)); // 4.4 -> 4 is -9.1%
        assertThat(evaluator.evaluate(drop, profile).status()).isEqualTo(CheckStatus.PASSED);
        values.put("size/null", List.of(4.0, 5.0)); // 5 -> 4 is -20%, only the previous run counts
        CheckResult failed = evaluator.evaluate(drop, profile);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.message()).contains("-20%").contains("5 -> 4").contains("allowed decrease 10%");
        assertThat(evaluator.evaluate(growth, profile).status()).isEqualTo(CheckStatus.PASSED);
        values.put("size/null", List.of(2.0)); // +100%
        assertThat(evaluator.evaluate(growth, profile).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(evaluator.evaluate(drop, profile).status()).isEqualTo(CheckStatus.PASSED);
        values.put("size/null", List.of(0.0));
        assertThat(evaluator.evaluate(growth, profile).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(evaluator.evaluate(drop, profile).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void deviationFromMeanOverSeveralRuns() {
        Map<String, List<Double>> values = new HashMap<>();
        Mean mean = new Mean("credit-limit"); // 250 this run
        AnomalyCheck check = new AnomalyCheck("limit-stable", CheckSeverity.ERROR, mean, new AnomalyStrategy.DeviationFromMean(3, 2));
        CheckEvaluator evaluator = new CheckEvaluator(history(values));
        AnalysisResult profile = profile(List.of(check));

        // last 3 runs: 240, 250, 260 -> mean 250, sd 10: 0 deviations
        values.put("mean/credit-limit", List.of(1000.0, 240.0, 250.0, 260.0));
        assertThat(evaluator.evaluate(check, profile).status()).isEqualTo(CheckStatus.PASSED);
        // 200, 210, 220 -> mean 210, sd 10: 4 deviations
        values.put("mean/credit-limit", List.of(200.0, 210.0, 220.0));
        CheckResult failed = evaluator.evaluate(check, profile);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.message()).contains("mean of last 3 runs 210").contains("4 standard deviations");
        // 230, 240, 250 -> mean 240, sd 10: 1 deviation
        values.put("mean/credit-limit", List.of(230.0, 240.0, 250.0));
        assertThat(evaluator.evaluate(check, profile).status()).isEqualTo(CheckStatus.PASSED);
        // constant history: any move is an anomaly, no move is fine
        values.put("mean/credit-limit", List.of(250.0, 250.0, 250.0));
        assertThat(evaluator.evaluate(check, profile).status()).isEqualTo(CheckStatus.PASSED);
        values.put("mean/credit-limit", List.of(249.0, 249.0, 249.0));
        assertThat(evaluator.evaluate(check, profile).status()).isEqualTo(CheckStatus.FAILED);
        // a single earlier run is not enough to judge
        values.put("mean/credit-limit", List.of(10.0));
        CheckResult single = evaluator.evaluate(check, profile);
        assertThat(single.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(single.message()).contains("need 2");
    }

    @Test
    void verdict() {
        CheckResult pass = new CheckResult("p", CheckSeverity.ERROR, CheckStatus.PASSED, 1, "");
        CheckResult skipped = new CheckResult("s", CheckSeverity.ERROR, CheckStatus.SKIPPED, Double.NaN, "");
        CheckResult warn = new CheckResult("w", CheckSeverity.WARNING, CheckStatus.WARNING, 0.5, "");
        CheckResult warnError = new CheckResult("we", CheckSeverity.WARNING, CheckStatus.ERROR, Double.NaN, "");
        CheckResult fail = new CheckResult("f", CheckSeverity.ERROR, CheckStatus.FAILED, 0.5, "");
        CheckResult error = new CheckResult("e", CheckSeverity.ERROR, CheckStatus.ERROR, Double.NaN, "");
        assertThat(QualityVerdict.of(List.of())).isEqualTo(QualityVerdict.PASSED);
        assertThat(QualityVerdict.of(List.of(pass, skipped))).isEqualTo(QualityVerdict.PASSED);
        assertThat(QualityVerdict.of(List.of(pass, warn))).isEqualTo(QualityVerdict.PASSED_WITH_WARNINGS);
        assertThat(QualityVerdict.of(List.of(pass, warnError))).isEqualTo(QualityVerdict.PASSED_WITH_WARNINGS);
        assertThat(QualityVerdict.of(List.of(warn, fail, pass))).isEqualTo(QualityVerdict.FAILED);
        assertThat(QualityVerdict.of(List.of(pass, error))).isEqualTo(QualityVerdict.FAILED);
        assertThat(QualityVerdict.PASSED_WITH_WARNINGS.code()).isEqualTo("passed-with-warnings");
    }

    @Test
    void profileRunnerMergesPartitionsAndKeepsFirstExamples() {
        List<Analyzer<?>> analyzers = List.of(new Size(), new Completeness("email"), new Uniqueness("country"),
                new ApproxDistinct("country"), new Mean("credit-limit"), new Completeness("nope"));
        ProfileRunner runner = new ProfileRunner("customer", analyzers, List.of("source-key"), 1);
        List<Map<String, Object>> rows = new ArrayList<>(customers());
        rows.add(row("source-key", "C5", "email", "", "country", "AT", "credit-limit", 500));
        ProfileRunner.Partition a = runner.newPartition();
        ProfileRunner.Partition b = runner.newPartition();
        rows.subList(0, 2).forEach(a::accept);
        rows.subList(2, 5).forEach(b::accept);
        AnalysisResult merged = runner.result(a.merge(b));
        AnalysisResult whole = runner.run(rows);
        assertThat(merged.metrics()).isEqualTo(whole.metrics());
        assertThat(merged.errors()).isEqualTo(whole.errors()).containsOnlyKeys(new Completeness("nope"));
        assertThat(merged.metric(new Completeness("email")).orElseThrow().value()).isEqualTo(0.6);
        assertThat(merged.metric(new Uniqueness("country")).orElseThrow().value()).isEqualTo(3 / 5.0);
        assertThat(merged.examples(new Completeness("email"))).isEqualTo(whole.examples(new Completeness("email")))
                .containsExactly(exampleRow("C2", null));
        assertThat(merged.allMetrics().get(0).name()).isEqualTo("size");
    }

    private static Map<String, String> exampleRow(String key, String email) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source-key", key);
        m.put("email", email);
        return m;
    }
}

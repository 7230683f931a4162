package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What {@link MetricRepository} must do on every database it supports; subclasses provide the database. */
abstract class MetricRepositoryContract {

    abstract JdbcTemplate jdbc();

    static void applyV3(JdbcTemplate jdbc) throws IOException {
        for (String file : List.of("sql/V3__quality.sql", "sql/V4_1__check_examples.sql")) {
            String sql = Files.readString(Path.of(file));
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void checkExamplesRoundTripAndHistoryForAnomaliesSkipsRunsThatDidNotComplete() {
        MetricRepository repo = new MetricRepository(jdbc());
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
        row.put("source-key", "C-1");
        row.put("name", "<b>\"x\"</b> & 'y' \u00e9");
        row.put("email", null);
        repo.saveCheckResults(7, List.of(new CheckResult("email-complete", CheckSeverity.ERROR, CheckStatus.FAILED, 0.5,
                "completeness of email is 0.5", "customer", "email", "completeness", ">= 0.9", List.of(row))), T0);
        org.assertj.core.api.Assertions.assertThat(repo.checkResultsOfRun(7, "customer").get(0).examples())
                .containsExactly(row);
        org.assertj.core.api.Assertions.assertThat(repo.datasetsOfRun(7)).containsExactly("customer");

        jdbc().execute("CREATE TABLE run_summary (run_id BIGINT PRIMARY KEY, status VARCHAR(40))");
        for (long run = 1; run <= 4; run++) {
            saveRun(repo, run, 100 * run, 1);
            jdbc().update("INSERT INTO run_summary VALUES (?, ?)", run, run == 3 ? "failed-quality-gate" : "completed");
        }
        org.assertj.core.api.Assertions.assertThat(repo.completedHistoryBefore(5).previousValues("item", null, "size", 10))
                .containsExactly(100.0, 200.0, 400.0);
        org.assertj.core.api.Assertions.assertThat(repo.completedHistoryBefore(4).previousValues("item", null, "size", 1))
                .containsExactly(200.0);
    }

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    void saveRun(MetricRepository repo, long runId, double size, double meanPrice) {
        repo.saveMetrics(runId, List.of(new Metric("item", null, "size", size),
                new Metric("item", "list-price", "mean", meanPrice),
                new Metric("customer", null, "size", size * 2)), T0.plusSeconds(runId * 60));
    }

    @Test
    void savesMetricsAndLoadsHistoryOfEarlierRunsOldestFirst() {
        MetricRepository repo = new MetricRepository(jdbc());
        saveRun(repo, 1, 1000, 10);
        saveRun(repo, 2, 1010, 11);
        saveRun(repo, 3, 990, 12);
        saveRun(repo, 5, 1020, 13);
        saveRun(repo, 7, 500, 99);

        assertThat(repo.history("item", null, "size", 7, 3)).extracting(MetricRepository.MetricPoint::value)
                .containsExactly(1010.0, 990.0, 1020.0);
        assertThat(repo.history("item", null, "size", 7, 3)).extracting(MetricRepository.MetricPoint::runId)
                .containsExactly(2L, 3L, 5L);
        assertThat(repo.history("item", null, "size", 3, 10).get(0).computedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(repo.history("item", "list-price", "mean", 5, 10)).extracting(MetricRepository.MetricPoint::value)
                .containsExactly(10.0, 11.0, 12.0);
        assertThat(repo.history("item", null, "size", 1, 10)).isEmpty();
        assertThat(repo.history("customer", null, "size", 3, 10)).extracting(MetricRepository.MetricPoint::value)
                .containsExactly(2000.0, 2020.0);
        assertThat(repo.historyBefore(7).previousValues("item", "list-price", "mean", 2)).containsExactly(12.0, 13.0);
    }

    @Test
    void savingARunAgainReplacesItAndUndefinedValuesAreNotHistory() {
        MetricRepository repo = new MetricRepository(jdbc());
        repo.saveMetrics(10, List.of(new Metric("ds", "c", "mean", Double.NaN), new Metric("ds", null, "size", 1)), T0);
        repo.saveMetrics(10, List.of(new Metric("ds", null, "size", 2),
                new Metric("ds", "country", "top-values", 0.5, List.of(new Metric.Bucket("D\"E<", 2, 0.5)))), T0);
        assertThat(repo.metricsOfRun(10, "ds")).containsExactly(new Metric("ds", null, "size", 2),
                new Metric("ds", "country", "top-values", 0.5));
        assertThat(repo.detailJson(10, "ds", "country", "top-values"))
                .isEqualTo("[{\"value\":\"D\\\"E\\u003c\",\"count\":2,\"share\":0.5}]");
        repo.saveMetrics(11, List.of(new Metric("ds", "c", "mean", Double.NaN)), T0);
        assertThat(repo.history("ds", "c", "mean", 12, 5)).isEmpty();
        assertThat(repo.metricsOfRun(11, "ds").get(0).value()).isNaN();
    }

    @Test
    void savesAndLoadsCheckResults() {
        MetricRepository repo = new MetricRepository(jdbc());
        CheckResult failed = new CheckResult("email-complete", CheckSeverity.WARNING, CheckStatus.WARNING, 0.75,
                "completeness of email is 0.75, expected >= 0.95", "cust", "email", "completeness", ">= 0.95",
                List.of(Map.of("source-key", "C2")));
        CheckResult error = new CheckResult("x", CheckSeverity.ERROR, CheckStatus.ERROR, Double.NaN,
                "column 'x' does not exist", "cust", "x", "completeness", ">= 1", List.of());
        repo.saveCheckResults(20, List.of(failed, error), T0);
        repo.saveCheckResults(20, List.of(failed, error), T0); // a restart saves again
        List<CheckResult> loaded = repo.checkResultsOfRun(20, "cust");
        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0)).usingRecursiveComparison().ignoringFields("examples").isEqualTo(failed);
        assertThat(loaded.get(1).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(loaded.get(1).metricValue()).isNaN();
        assertThat(jdbc().queryForObject("SELECT status FROM dq_check_result WHERE run_id = 20 AND check_id = 'x'",
                String.class)).isEqualTo("error");
    }
}

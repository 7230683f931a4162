package io.mastersync.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the {@link QualityReport} of a run from the database alone ({@code run_feed}, {@code dq_metric},
 * {@code dq_check_result}, {@code rej_reason}, {@code dq_normalizer_count}, {@code dq_normalizer_example}),
 * so that the report written at the end of a run and one regenerated later for the same run are the same.
 */
public final class RunReportLoader {

    /** Runs shown in a trend chart (this one and the ones before it). */
    public static final int TREND_RUNS = 10;
    /** Examples per rule and per normalizer. */
    public static final int EXAMPLES = 3;
    private static final int MAX_TRENDS_PER_DATASET = 8;

    private final JdbcTemplate jdbc;
    private final MetricRepository metrics;

    public RunReportLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.metrics = new MetricRepository(jdbc);
    }

    public boolean runExists(long runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM run_summary WHERE run_id = ?", Long.class, runId);
        return n != null && n > 0;
    }

    public QualityReport load(long runId, Instant generatedAt) {
        List<QualityReport.FeedRows> feeds = jdbc.query("SELECT feed, entity, read_count, loaded_count, rejected_count,"
                + " superseded_count, filtered_count, flagged_count FROM run_feed WHERE run_id = ? ORDER BY feed",
                (rs, i) -> new QualityReport.FeedRows(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), runId);
        List<String> datasets = metrics.datasetsOfRun(runId);
        List<CheckResult> checks = new ArrayList<>();
        for (String dataset : datasets) {
            checks.addAll(metrics.checkResultsOfRun(runId, dataset));
        }
        List<Metric> all = jdbc.query("SELECT dataset, column_name, metric, metric_value, detail FROM dq_metric"
                + " WHERE run_id = ? ORDER BY dataset, column_name NULLS FIRST, metric", (rs, i) -> {
                    double value = rs.getDouble(4);
                    value = rs.wasNull() ? Double.NaN : value;
                    return new Metric(rs.getString(1), rs.getString(2), rs.getString(3), value,
                            Json.parseBuckets(rs.getString(5)));
                }, runId);
        return QualityReport.of(runId, generatedAt, feeds, checks, ruleOutcomes(runId), all,
                trends(runId, datasets, checks), normalizers(runId));
    }

    /**
     * Rows per rule and severity, then the first examples of each from the index on (run, feed, rule): one
     * small query per rule, not one window over every reason of the run (a warning such as a duplicate e-mail
     * can flag most of a million rows, and numbering them all meant sorting them all).
     */
    private List<QualityReport.RuleCount> ruleOutcomes(long runId) {
        List<QualityReport.RuleCount> counts = jdbc.query("SELECT feed, rule_id, severity, COUNT(*) FROM rej_reason"
                + " WHERE run_id = ? GROUP BY feed, rule_id, severity ORDER BY feed, rule_id, severity",
                (rs, i) -> new QualityReport.RuleCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        List.of()), runId);
        List<QualityReport.RuleCount> outcomes = new ArrayList<>();
        for (QualityReport.RuleCount c : counts) {
            List<Map<String, String>> examples = jdbc.query("SELECT source_key, field, bad_value FROM rej_reason"
                    + " WHERE run_id = ? AND feed = ? AND rule_id = ? AND severity = ? ORDER BY record_no LIMIT ?",
                    (rs, i) -> {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("source-key", rs.getString(1));
                        row.put("field", rs.getString(2));
                        row.put("value", rs.getString(3));
                        return row;
                    }, runId, c.feed(), c.ruleId(), c.severity(), EXAMPLES);
            outcomes.add(new QualityReport.RuleCount(c.feed(), c.ruleId(), c.severity(), c.count(), examples));
        }
        return outcomes;
    }

    private List<QualityReport.NormalizerCount> normalizers(long runId) {
        Map<String, List<QualityReport.Change>> examples = new LinkedHashMap<>();
        jdbc.query("SELECT feed, normalizer, field, before_value, after_value FROM (SELECT feed, normalizer, field,"
                + " before_value, after_value, ROW_NUMBER() OVER (PARTITION BY feed, normalizer, field"
                + " ORDER BY before_value, after_value) AS rn FROM dq_normalizer_example WHERE run_id = ?) x"
                + " WHERE rn <= ? ORDER BY feed, normalizer, field, rn", rs -> {
                    examples.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3),
                            k -> new ArrayList<>()).add(new QualityReport.Change(rs.getString(4), rs.getString(5)));
                }, runId, EXAMPLES);
        return jdbc.query("SELECT feed, normalizer, field, SUM(changed_count) FROM dq_normalizer_count WHERE run_id = ?"
                + " GROUP BY feed, normalizer, field ORDER BY feed, SUM(changed_count) DESC, normalizer, field",
                (rs, i) -> new QualityReport.NormalizerCount(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), examples.getOrDefault(rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000"
                                + rs.getString(3), List.of())), runId);
    }

    /** Per dataset: the row count, then the metrics its checks are about, over the last runs up to this one. */
    private List<QualityReport.TrendSeries> trends(long runId, List<String> datasets, List<CheckResult> checks) {
        List<QualityReport.TrendSeries> series = new ArrayList<>();
        for (String dataset : datasets) {
            Set<List<String>> keys = new LinkedHashSet<>();
            keys.add(java.util.Arrays.asList(null, "size"));
            for (CheckResult r : checks) {
                if (dataset.equals(r.dataset()) && r.metric() != null) {
                    keys.add(java.util.Arrays.asList(r.column(), r.metric()));
                }
            }
            int n = 0;
            for (List<String> key : keys) {
                if (n++ >= MAX_TRENDS_PER_DATASET) {
                    break;
                }
                List<QualityReport.TrendPoint> points = metrics.history(dataset, key.get(0), key.get(1), runId + 1,
                        TREND_RUNS).stream().map(p -> new QualityReport.TrendPoint(p.runId(), p.value())).toList();
                if (!points.isEmpty()) {
                    series.add(new QualityReport.TrendSeries(dataset, key.get(0), key.get(1), points));
                }
            }
        }
        return series;
    }

    /** The two files of a run's report. */
    public record ReportFiles(Path html, Path json) {
    }

    /** Writes {@code run-<id>.html} and {@code run-<id>.json} into {@code dir} (created when missing). */
    public static ReportFiles write(QualityReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve("run-" + report.runId() + ".html");
            Path json = dir.resolve("run-" + report.runId() + ".json");
            try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                new HtmlReportWriter().write(report, w);
            }
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                new JsonReportWriter().write(report, w);
            }
            return new ReportFiles(html, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quality report to " + dir + ": " + e.getMessage(), e);
        }
    }
}

package io.mastersync.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores metrics and check results per run in {@code dq_metric} / {@code dq_check_result} (see
 * {@code sql/V3__quality.sql}) and reads the history of a metric. Saving a run again (a restart)
 * replaces what that run stored before. Timestamps are stored as UTC. Works on PostgreSQL and H2.
 */
public class MetricRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public MetricRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** One value of a metric in one run. */
    public record MetricPoint(long runId, double value, Instant computedAt) {
    }

    /** Replaces the metrics of the run for the datasets in {@code metrics}. NaN values are stored as NULL. */
    public void saveMetrics(long runId, Collection<Metric> metrics, Instant computedAt) {
        Set<String> datasets = new LinkedHashSet<>();
        metrics.forEach(m -> datasets.add(m.dataset()));
        Timestamp at = utc(computedAt);
        List<Object[]> rows = new ArrayList<>();
        for (Metric m : metrics) {
            rows.add(new Object[] {runId, m.dataset(), m.column(), m.name(), m.defined() ? m.value() : null,
                    Json.buckets(m.detail()), at});
        }
        tx.executeWithoutResult(status -> {
            for (String dataset : datasets) {
                jdbc.update("DELETE FROM dq_metric WHERE run_id = ? AND dataset = ?", runId, dataset);
            }
            jdbc.batchUpdate("INSERT INTO dq_metric (run_id, dataset, column_name, metric, metric_value, detail, computed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows,
                    new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.VARCHAR,
                        Types.TIMESTAMP});
        });
    }

    /** Replaces the check results of the run for the datasets in {@code results}. */
    public void saveCheckResults(long runId, Collection<CheckResult> results, Instant evaluatedAt) {
        Set<String> datasets = new LinkedHashSet<>();
        results.forEach(r -> datasets.add(r.dataset()));
        Timestamp at = utc(evaluatedAt);
        List<Object[]> rows = new ArrayList<>();
        for (CheckResult r : results) {
            rows.add(new Object[] {runId, r.checkId(), r.dataset(), r.column(), r.metric(), r.severity().code(),
                    r.status().code(), Double.isNaN(r.metricValue()) || Double.isInfinite(r.metricValue()) ? null : r.metricValue(),
                    r.expectation(), r.message() == null ? "" : r.message(), at, Json.rows(r.examples())});
        }
        tx.executeWithoutResult(status -> {
            for (String dataset : datasets) {
                jdbc.update("DELETE FROM dq_check_result WHERE run_id = ? AND dataset = ?", runId, dataset);
            }
            jdbc.batchUpdate("INSERT INTO dq_check_result (run_id, check_id, dataset, column_name, metric, severity, status,"
                    + " metric_value, expectation, message, evaluated_at, examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows, new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR});
        });
    }

    /**
     * The defined values of a metric in the last {@code limit} runs before {@code beforeRunId}, oldest first.
     *
     * @param column null for a dataset-level metric
     */
    public List<MetricPoint> history(String dataset, String column, String metric, long beforeRunId, int limit) {
        String columnCondition = column == null ? "column_name IS NULL" : "column_name = ?";
        List<Object> args = new ArrayList<>(List.of(dataset));
        if (column != null) {
            args.add(column);
        }
        args.addAll(List.of(metric, beforeRunId, limit));
        List<MetricPoint> points = jdbc.query("SELECT run_id, metric_value, computed_at FROM dq_metric"
                + " WHERE dataset = ? AND " + columnCondition + " AND metric = ? AND run_id < ? AND metric_value IS NOT NULL"
                + " ORDER BY run_id DESC LIMIT ?",
                (rs, i) -> new MetricPoint(rs.getLong(1), rs.getDouble(2), instant(rs, 3)), args.toArray());
        List<MetricPoint> oldestFirst = new ArrayList<>(points);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The defined values of a metric in the last {@code limit} runs before {@code beforeRunId} that
     * completed ({@code run_summary.status = 'completed'}), oldest first: a run that failed, or failed its
     * quality gate, is no baseline for the next one.
     */
    public List<MetricPoint> completedHistory(String dataset, String column, String metric, long beforeRunId, int limit) {
        String columnCondition = column == null ? "m.column_name IS NULL" : "m.column_name = ?";
        List<Object> args = new ArrayList<>(List.of(dataset));
        if (column != null) {
            args.add(column);
        }
        args.addAll(List.of(metric, beforeRunId, limit));
        List<MetricPoint> points = jdbc.query("SELECT m.run_id, m.metric_value, m.computed_at FROM dq_metric m"
                + " JOIN run_summary r ON r.run_id = m.run_id AND r.status = 'completed'"
                + " WHERE m.dataset = ? AND " + columnCondition + " AND m.metric = ? AND m.run_id < ?"
                + " AND m.metric_value IS NOT NULL ORDER BY m.run_id DESC LIMIT ?",
                (rs, i) -> new MetricPoint(rs.getLong(1), rs.getDouble(2), instant(rs, 3)), args.toArray());
        List<MetricPoint> oldestFirst = new ArrayList<>(points);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The history as anomaly checks of a migrate run see it: earlier runs that completed (needs run_summary). */
    public MetricHistory completedHistoryBefore(long runId) {
        return (dataset, column, metric, limit) -> completedHistory(dataset, column, metric, runId, limit).stream()
                .map(MetricPoint::value).toList();
    }

    /** The datasets that have metrics or check results in a run, by name. */
    public List<String> datasetsOfRun(long runId) {
        return jdbc.queryForList("SELECT dataset FROM dq_metric WHERE run_id = ? UNION SELECT dataset FROM dq_check_result"
                + " WHERE run_id = ? ORDER BY 1", String.class, runId, runId);
    }

    /** The history as anomaly checks of run {@code runId} see it: only earlier runs. */
    public MetricHistory historyBefore(long runId) {
        return (dataset, column, metric, limit) -> history(dataset, column, metric, runId, limit).stream()
                .map(MetricPoint::value).toList();
    }

    /** The metrics stored for a run and dataset (detail is returned as stored JSON in {@link #detailJson}). */
    public List<Metric> metricsOfRun(long runId, String dataset) {
        return jdbc.query("SELECT dataset, column_name, metric, metric_value FROM dq_metric WHERE run_id = ? AND dataset = ?"
                + " ORDER BY column_name NULLS FIRST, metric", (rs, i) -> {
                    double value = rs.getDouble(4);
                    value = rs.wasNull() ? Double.NaN : value;
                    return new Metric(rs.getString(1), rs.getString(2), rs.getString(3), value);
                }, runId, dataset);
    }

    /** The stored detail JSON of one metric of a run, or null. */
    public String detailJson(long runId, String dataset, String column, String metric) {
        List<String> details = column == null
                ? jdbc.queryForList("SELECT detail FROM dq_metric WHERE run_id = ? AND dataset = ? AND column_name IS NULL"
                        + " AND metric = ?", String.class, runId, dataset, metric)
                : jdbc.queryForList("SELECT detail FROM dq_metric WHERE run_id = ? AND dataset = ? AND column_name = ?"
                        + " AND metric = ?", String.class, runId, dataset, column, metric);
        return details.isEmpty() ? null : details.get(0);
    }

    /** The check results stored for a run, in check id order. */
    public List<CheckResult> checkResultsOfRun(long runId, String dataset) {
        return jdbc.query("SELECT check_id, severity, status, metric_value, message, dataset, column_name, metric, expectation,"
                + " examples FROM dq_check_result WHERE run_id = ? AND dataset = ? ORDER BY check_id", (rs, i) -> {
                    double value = rs.getDouble(4);
                    value = rs.wasNull() ? Double.NaN : value;
                    return new CheckResult(rs.getString(1), CheckSeverity.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                            CheckStatus.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), value,
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            Json.parseRows(rs.getString(10)));
                }, runId, dataset);
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}

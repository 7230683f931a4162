package io.mastersync.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a steward needs to judge one run: the verdict, row accounting per feed, check results
 * (problems first, with metric, threshold and example rows), rule outcome counts, a profile per column
 * and trend series of key metrics over the last runs. Renders with {@link JsonReportWriter} and
 * {@link HtmlReportWriter}.
 */
public record QualityReport(long runId, Instant generatedAt, QualityVerdict verdict, List<FeedRows> feeds,
        List<CheckResult> checks, List<RuleCount> ruleOutcomes, List<ColumnProfile> columns, List<TrendSeries> trends,
        List<NormalizerCount> normalizers) {

    public QualityReport {
        normalizers = normalizers == null ? List.of() : List.copyOf(normalizers);
        feeds = List.copyOf(feeds);
        checks = List.copyOf(checks);
        ruleOutcomes = List.copyOf(ruleOutcomes);
        columns = List.copyOf(columns);
        trends = List.copyOf(trends);
    }

    /** Builds a report: computes the verdict, orders checks problems first and groups metrics per column. */
    public static QualityReport of(long runId, Instant generatedAt, List<FeedRows> feeds, List<CheckResult> checks,
            List<RuleCount> ruleOutcomes, List<Metric> metrics, List<TrendSeries> trends) {
        return of(runId, generatedAt, feeds, checks, ruleOutcomes, metrics, trends, List.of());
    }

    /** As above, with what the normalizers changed. */
    public static QualityReport of(long runId, Instant generatedAt, List<FeedRows> feeds, List<CheckResult> checks,
            List<RuleCount> ruleOutcomes, List<Metric> metrics, List<TrendSeries> trends,
            List<NormalizerCount> normalizers) {
        List<CheckResult> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparingInt((CheckResult r) -> rank(r.status())).thenComparing(CheckResult::checkId));
        List<RuleCount> rules = new ArrayList<>(ruleOutcomes);
        rules.sort(Comparator.comparingLong(RuleCount::count).reversed().thenComparing(RuleCount::ruleId));
        Map<String, List<Metric>> byColumn = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m.column() != null) {
                byColumn.computeIfAbsent(m.dataset() + "\u0000" + m.column(), k -> new ArrayList<>()).add(m);
            }
        }
        List<ColumnProfile> columns = new ArrayList<>();
        byColumn.values().forEach(ms -> columns.add(new ColumnProfile(ms.get(0).dataset(), ms.get(0).column(), ms)));
        return new QualityReport(runId, generatedAt, QualityVerdict.of(checks), feeds, ordered, rules, columns, trends,
                normalizers);
    }

    private static int rank(CheckStatus status) {
        return switch (status) {
            case FAILED -> 0;
            case ERROR -> 1;
            case WARNING -> 2;
            case SKIPPED -> 3;
            case PASSED -> 4;
        };
    }

    /** Row accounting of one feed: read = loaded + rejected + superseded + filtered. */
    public record FeedRows(String feed, String entity, long read, long loaded, long rejected, long superseded,
            long filtered, long flagged) {
    }

    /** Error-level checks that failed or could not be evaluated: what fails the quality gate. */
    public long blockingChecks() {
        return checks.stream().filter(r -> r.severity() == CheckSeverity.ERROR
                && (r.status() == CheckStatus.FAILED || r.status() == CheckStatus.ERROR)).count();
    }

    /**
     * How often a cleansing rule fired in this run (rows of {@code rej_reason}), with a few examples
     * ({@code source-key}, {@code field}, {@code value}).
     *
     * @param feed null when counted over all feeds
     */
    public record RuleCount(String feed, String ruleId, String severity, long count, List<Map<String, String>> examples) {

        public RuleCount {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }

        public RuleCount(String ruleId, String severity, long count) {
            this(null, ruleId, severity, count, List.of());
        }
    }

    /** How many values a normalizer changed in a field, with a few before/after examples. */
    public record NormalizerCount(String feed, String normalizer, String field, long changed, List<Change> examples) {

        public NormalizerCount {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    /** One value before and after a normalizer. */
    public record Change(String before, String after) {
    }

    /** The metrics of one column. */
    public record ColumnProfile(String dataset, String column, List<Metric> metrics) {

        public ColumnProfile {
            metrics = List.copyOf(metrics);
        }

        public Optional<Metric> metric(String name) {
            return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
        }

        public double value(String name) {
            return metric(name).map(Metric::value).orElse(Double.NaN);
        }
    }

    /** A metric over the last runs, oldest first (the current run last). */
    public record TrendSeries(String dataset, String column, String metric, List<TrendPoint> points) {

        public TrendSeries {
            points = List.copyOf(points);
        }
    }

    public record TrendPoint(long runId, double value) {
    }
}

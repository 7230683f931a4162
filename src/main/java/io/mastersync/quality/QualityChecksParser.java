package io.mastersync.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * Reads quality checks declared as data. The file's top level has a {@code checks:} list (and may name
 * the {@code dataset:}); each check has an {@code id}, a {@code metric} and, depending on the metric, a
 * {@code column} and parameters, plus either an {@code assert:} expression (kind {@code assert}, the
 * default) or an anomaly {@code strategy:} (kind {@code anomaly}). Anything unknown or malformed is a
 * {@link DefinitionException} naming file and line. See {@code docs/quality-checks.md}.
 */
public final class QualityChecksParser {

    /** The metric names a check may use. */
    public static final List<String> METRICS = List.of("size", "completeness", "distinct-count", "uniqueness",
            "approx-distinct", "minimum", "maximum", "mean", "standard-deviation", "min-length", "max-length",
            "pattern-match", "top-values", "histogram", "data-type-share", "contained-in");

    /** Every key a check may have (which apply depends on kind, metric and strategy). */
    private static final Set<String> CHECK_KEYS = Set.of("id", "description", "kind", "severity", "metric", "column",
            "assert", "strategy", "max-decrease", "max-increase", "window", "max-deviations", "max-distinct", "precision",
            "pattern", "top", "type", "reference", "reference-header", "values");

    private QualityChecksParser() {
    }

    public static QualityChecks parse(Path file) {
        return parse(file, null);
    }

    /**
     * @param columns the dataset's columns, or null to leave unknown columns to the run (which reports such a
     *                check as an error): with them, a check on a column the dataset does not have is refused here,
     *                naming the file and line, before anything is loaded
     */
    public static QualityChecks parse(Path file, java.util.Collection<String> columns) {
        YamlMap root = YamlMap.read(file);
        String dataset = root.optionalString("dataset").orElse(null);
        if (!root.has("checks")) {
            throw root.error("checks", "missing required key 'checks' (a list of checks)");
        }
        List<YamlMap> entries = root.mapList("checks");
        root.finish(Set.of("dataset", "checks"));
        List<Check> checks = new java.util.ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap entry : entries) {
            Check check = parseCheck(file, entry, columns);
            if (!ids.add(check.id())) {
                throw entry.error("id", "duplicate check id '" + check.id() + "'");
            }
            checks.add(check);
        }
        return new QualityChecks(file, dataset, checks);
    }

    private static Check parseCheck(Path file, YamlMap m, java.util.Collection<String> columns) {
        for (String key : m.keys()) {
            if (!CHECK_KEYS.contains(key)) { // a typo is a better message than the key it was meant to be missing
                throw m.error(key, "unknown key '" + key + "'; known keys of a check: "
                        + String.join(", ", new java.util.TreeSet<>(CHECK_KEYS)));
            }
        }
        Set<String> known = new LinkedHashSet<>(List.of("id", "description", "kind", "severity", "metric", "column"));
        String id = m.optionalString("id").map(String::trim).orElse("");
        if (id.isEmpty()) {
            throw new DefinitionException(file, m.line(), "check without 'id'; every check needs a unique id");
        }
        m.optionalString("description");
        String kind = m.string("kind", "assert");
        String severityCode = m.string("severity", "error");
        CheckSeverity severity = CheckSeverity.ofCode(severityCode)
                .orElseThrow(() -> m.error("severity", "check '" + id + "': unknown severity '" + severityCode
                        + "'; use error or warning"));
        String metric = m.optionalString("metric")
                .orElseThrow(() -> m.error("metric", "check '" + id + "': missing required key 'metric'"));
        Analyzer<?> analyzer = analyzer(file, m, id, metric, known);
        if (columns != null && analyzer.column() != null && !columns.contains(analyzer.column())) {
            throw m.error("column", "check '" + id + "': unknown column '" + analyzer.column() + "'; the columns: "
                    + String.join(", ", columns));
        }

        Check check;
        if (kind.equals("assert")) {
            known.add("assert");
            String expression = m.optionalString("assert")
                    .orElseThrow(() -> m.error("assert", "check '" + id + "': missing 'assert' expression (e.g. \">= 0.95\")"));
            Assertion assertion;
            try {
                assertion = Assertion.parse(expression);
            } catch (IllegalArgumentException e) {
                throw m.error("assert", "check '" + id + "': " + e.getMessage());
            }
            check = new AssertionCheck(id, severity, analyzer, assertion);
        } else if (kind.equals("anomaly")) {
            known.add("strategy");
            check = new AnomalyCheck(id, severity, analyzer, strategy(m, id, known));
        } else {
            throw m.error("kind", "check '" + id + "': unknown kind '" + kind + "'; use assert or anomaly");
        }
        m.finish(known);
        return check;
    }

    private static AnomalyStrategy strategy(YamlMap m, String id, Set<String> known) {
        String strategy = m.optionalString("strategy").orElseThrow(() -> m.error("strategy",
                "check '" + id + "': anomaly check needs a 'strategy' (relative-change or deviation-from-mean)"));
        try {
            if (strategy.equals("relative-change")) {
                known.addAll(List.of("max-decrease", "max-increase"));
                Double maxDecrease = m.has("max-decrease") ? m.decimal("max-decrease", 0) : null;
                Double maxIncrease = m.has("max-increase") ? m.decimal("max-increase", 0) : null;
                return new AnomalyStrategy.RelativeChange(maxDecrease, maxIncrease);
            }
            if (strategy.equals("deviation-from-mean")) {
                known.addAll(List.of("window", "max-deviations"));
                if (!m.has("max-deviations")) {
                    throw m.error("strategy", "check '" + id + "': deviation-from-mean needs 'max-deviations'");
                }
                return new AnomalyStrategy.DeviationFromMean(m.integer("window", 10), m.decimal("max-deviations", 3));
            }
        } catch (IllegalArgumentException e) {
            throw m.error("strategy", "check '" + id + "': " + e.getMessage());
        }
        throw m.error("strategy", "check '" + id + "': unknown strategy '" + strategy
                + "'; use relative-change or deviation-from-mean");
    }

    private static Analyzer<?> analyzer(Path file, YamlMap m, String id, String metric, Set<String> known) {
        if (!METRICS.contains(metric)) {
            throw m.error("metric", "check '" + id + "': unknown metric '" + metric + "'; known metrics: "
                    + String.join(", ", METRICS));
        }
        if (metric.equals("size")) {
            if (m.has("column")) {
                throw m.error("column", "check '" + id + "': metric size is about the whole dataset and takes no column");
            }
            return new Size();
        }
        String column = m.optionalString("column").map(String::trim).filter(c -> !c.isEmpty())
                .orElseThrow(() -> m.error("column", "check '" + id + "': metric " + metric + " needs a 'column'"));
        switch (metric) {
            case "completeness":
                return new Completeness(column);
            case "distinct-count":
                known.add("max-distinct");
                return new DistinctCount(column, positive(m, id, "max-distinct", DistinctCount.DEFAULT_MAX_DISTINCT));
            case "uniqueness":
                known.add("max-distinct");
                return new Uniqueness(column, positive(m, id, "max-distinct", DistinctCount.DEFAULT_MAX_DISTINCT));
            case "approx-distinct":
                known.add("precision");
                int p = m.integer("precision", ApproxDistinct.DEFAULT_PRECISION);
                if (p < HllState.MIN_PRECISION || p > HllState.MAX_PRECISION) {
                    throw m.error("precision", "check '" + id + "': precision must be " + HllState.MIN_PRECISION + ".."
                            + HllState.MAX_PRECISION + ", not " + p);
                }
                return new ApproxDistinct(column, p);
            case "minimum":
                return new Minimum(column);
            case "maximum":
                return new Maximum(column);
            case "mean":
                return new Mean(column);
            case "standard-deviation":
                return new StandardDeviation(column);
            case "min-length":
                return new MinLength(column);
            case "max-length":
                return new MaxLength(column);
            case "pattern-match":
                known.add("pattern");
                String regex = m.optionalString("pattern")
                        .orElseThrow(() -> m.error("pattern", "check '" + id + "': pattern-match needs a 'pattern'"));
                try {
                    return new PatternMatch(column, regex);
                } catch (PatternSyntaxException e) {
                    throw m.error("pattern", "check '" + id + "': not a valid regular expression: " + e.getDescription());
                }
            case "top-values":
                known.addAll(List.of("top", "max-distinct"));
                return new TopValues(column, positive(m, id, "top", TopValues.DEFAULT_K),
                        positive(m, id, "max-distinct", TopValues.DEFAULT_MAX_DISTINCT));
            case "histogram":
                known.add("max-distinct");
                return new Histogram(column, positive(m, id, "max-distinct", TopValues.DEFAULT_MAX_DISTINCT));
            case "data-type-share":
                known.add("type");
                String type = m.optionalString("type").orElseThrow(() -> m.error("type",
                        "check '" + id + "': data-type-share needs a 'type' (integer, decimal, date, boolean, text)"));
                return new DataTypeShare(column, DataType.ofCode(type).orElseThrow(() -> m.error("type",
                        "check '" + id + "': unknown type '" + type + "'; use integer, decimal, date, boolean or text")));
            case "contained-in":
                known.addAll(List.of("reference", "reference-header", "values"));
                return containedIn(file, m, id, column);
            default:
                throw m.error("metric", "check '" + id + "': unknown metric '" + metric + "'");
        }
    }

    private static ContainedIn containedIn(Path file, YamlMap m, String id, String column) {
        boolean hasReference = m.has("reference");
        boolean hasValues = m.has("values");
        if (hasReference == hasValues) {
            throw m.error("metric", "check '" + id + "': contained-in needs either 'reference' (a CSV file) or 'values' (a list)");
        }
        if (hasValues) {
            List<String> values = m.stringList("values");
            if (values.isEmpty()) {
                throw m.error("values", "check '" + id + "': 'values' is empty");
            }
            return new ContainedIn(column, null, values);
        }
        String reference = m.requiredString("reference");
        boolean header = m.bool("reference-header", false);
        Path dir = file.toAbsolutePath().getParent();
        Path csv = dir == null ? Path.of(reference) : dir.resolve(reference);
        if (!Files.isRegularFile(csv)) {
            throw m.error("reference", "check '" + id + "': reference file not found: " + csv);
        }
        try {
            Set<String> allowed = ContainedIn.readReference(csv, header);
            if (allowed.isEmpty()) {
                throw m.error("reference", "check '" + id + "': reference file has no values: " + csv);
            }
            return new ContainedIn(column, reference, allowed);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DefinitionException d) {
                throw d;
            }
            throw m.error("reference", "check '" + id + "': cannot read reference file " + csv + ": " + e.getMessage());
        }
    }

    private static int positive(YamlMap m, String id, String key, int defaultValue) {
        int value = m.integer(key, defaultValue);
        if (value < 1) {
            throw m.error(key, "check '" + id + "': '" + key + "' must be at least 1, not " + value);
        }
        return value;
    }
}

package io.mastersync.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.FieldType;

/**
 * Suggests checks from a profile of a dataset, written in the rules-file format that
 * {@link QualityChecksParser} reads, for a data steward to review and edit:
 * <ul>
 * <li>row count must not drop by more than 10% from run to run;</li>
 * <li>completeness at or slightly below what was observed (1.0 stays 1.0);</li>
 * <li>candidate keys (complete and unique) must stay unique;</li>
 * <li>columns that are (almost) all integers, decimals, dates or booleans must stay so;</li>
 * <li>numeric ranges (minimum and maximum) and the longest text;</li>
 * <li>allowed values for low-cardinality columns (at most 20 distinct values).</li>
 * </ul>
 * Profile with {@link #profilingAnalyzers} so that all the metrics it reads are there.
 */
public final class CheckSuggester {

    public static final int MAX_ALLOWED_VALUES = 20;

    private CheckSuggester() {
    }

    /** The analyzers whose metrics the suggester reads, for the given columns. */
    public static List<Analyzer<?>> profilingAnalyzers(List<String> columns) {
        List<Analyzer<?>> analyzers = new ArrayList<>();
        analyzers.add(new Size());
        for (String c : columns) {
            analyzers.add(new Completeness(c));
            analyzers.add(new Uniqueness(c));
            analyzers.add(new ApproxDistinct(c));
            analyzers.add(new DataTypeShare(c));
            analyzers.add(new Minimum(c));
            analyzers.add(new Maximum(c));
            analyzers.add(new MaxLength(c));
            analyzers.add(new Histogram(c, MAX_ALLOWED_VALUES + 1));
        }
        return analyzers;
    }

    /** The suggested checks as YAML text (a complete rules file with a {@code checks:} list). */
    public static String suggest(String dataset, List<Metric> metrics) {
        return suggest(dataset, metrics, null);
    }

    /**
     * As {@link #suggest(String, List)}, knowing the canonical type of each column of {@code entity}: amounts, dates and
     * times are never suggested as keys, only numeric fields get ranges (a postal code or phone number made of
     * digits is a code, not a quantity), and only {@code source-key} is a key for sure: another column unique in
     * the profile gets a warning, since a small profile makes names and addresses unique by chance.
     */
    public static String suggest(String dataset, List<Metric> metrics, EntityType entity) {
        Map<String, Map<String, Metric>> byColumn = new LinkedHashMap<>();
        Double size = null;
        for (Metric m : metrics) {
            if (m.column() == null) {
                if (m.name().equals("size")) {
                    size = m.value();
                }
            } else {
                byColumn.computeIfAbsent(m.column(), k -> new LinkedHashMap<>()).put(m.name(), m);
            }
        }
        StringBuilder y = new StringBuilder();
        y.append("# Checks suggested from a profile of ").append(oneLine(dataset)).append(size == null ? "" : " ("
                + Assertion.format(size) + " rows)").append(".\n");
        y.append("# Review every check before use: thresholds are taken from this one profile.\n");
        if (dataset != null) {
            y.append("dataset: ").append(q(dataset)).append('\n');
        }
        y.append("checks:\n");
        Set<String> ids = new LinkedHashSet<>();
        if (size != null) {
            check(y, ids, "rows-did-not-drop", "error", "size", null, "the row count of the previous run");
            y.append("    kind: anomaly\n    strategy: relative-change\n    max-decrease: 0.1\n");
        }
        for (Map.Entry<String, Map<String, Metric>> e : byColumn.entrySet()) {
            FieldType canonical = entity == null ? null
                    : entity.field(e.getKey()).map(CanonicalField::type).orElse(null);
            suggestColumn(y, ids, e.getKey(), e.getValue(), size, entity != null, canonical);
        }
        return y.toString();
    }

    private static void suggestColumn(StringBuilder y, Set<String> ids, String column, Map<String, Metric> m, Double size,
            boolean typed, FieldType canonical) {
        boolean timeOrAmount = canonical == FieldType.DECIMAL || canonical == FieldType.TIMESTAMP
                || canonical == FieldType.DATE;
        double completeness = value(m, "completeness");
        if (!(completeness > 0)) {
            return; // empty column: nothing to expect yet
        }
        String base = slug(column);
        double threshold = completeness >= 1 ? 1.0 : Math.max(0, Math.floor((completeness - 0.02) * 100 + 1e-9) / 100);
        check(y, ids, base + "-complete", completeness >= 1 ? "error" : "warning", "completeness", column,
                "observed " + round(completeness));
        y.append("    assert: ").append(q(">= " + Assertion.format(threshold))).append('\n');

        double uniqueness = value(m, "uniqueness");
        boolean key = uniqueness >= 1 && completeness >= 1 && size != null && size > 1 && !timeOrAmount;
        if (key) {
            boolean sureKey = !typed || column.equals("source-key");
            check(y, ids, base + "-unique", sureKey ? "error" : "warning", "uniqueness", column, sureKey
                    ? "candidate key: every value occurs once"
                    : "every value occurred once in this profile; make it an error only if it is a key");
            y.append("    assert: \"== 1.0\"\n");
        }
        double nonNull = size == null ? Double.NaN : size * completeness;

        Metric types = m.get("data-type");
        DataType type = null;
        if (types != null && !types.detail().isEmpty()) {
            type = DataType.ofCode(types.detail().get(0).value()).orElse(null);
            double share = types.value();
            if (type != null && type != DataType.TEXT && share >= 0.99) {
                check(y, ids, base + "-is-" + type.code(), "warning", "data-type-share", column,
                        "observed " + round(share) + " " + type.code());
                y.append("    type: ").append(type.code()).append('\n');
                y.append("    assert: ").append(q(">= " + Assertion.format(Math.floor(share * 100 + 1e-9) / 100))).append('\n');
            }
        }
        // whole numbers that are mostly distinct are identifiers (keys, customer numbers): their range means nothing
        double distinct = value(m, "approx-distinct");
        boolean identifier = type == DataType.INTEGER && size != null && distinct >= 0.75 * nonNull;
        boolean quantity = !typed || canonical == FieldType.DECIMAL;
        if ((type == DataType.INTEGER || type == DataType.DECIMAL) && !identifier && quantity) {
            double min = value(m, "minimum");
            double max = value(m, "maximum");
            if (!Double.isNaN(min) && !Double.isNaN(max)) {
                check(y, ids, base + "-minimum", "warning", "minimum", column, "observed range " + round(min) + " .. " + round(max));
                y.append("    assert: ").append(q(">= " + Assertion.format(min))).append('\n');
                check(y, ids, base + "-maximum", "warning", "maximum", column, "observed range " + round(min) + " .. " + round(max));
                y.append("    assert: ").append(q("<= " + Assertion.format(max))).append('\n');
            }
        } else if (type == DataType.TEXT) {
            double maxLength = value(m, "max-length");
            if (!Double.isNaN(maxLength)) {
                check(y, ids, base + "-max-length", "warning", "max-length", column, "longest value observed");
                y.append("    assert: ").append(q("<= " + Assertion.format(maxLength))).append('\n');
            }
        }

        Metric histogram = m.get("histogram");
        // a list of allowed values only where values repeat (codes), not for a few rows of distinct values
        boolean repeats = size != null && histogram != null && histogram.detail().size() * 2 <= nonNull;
        boolean codes = canonical != FieldType.TIMESTAMP && canonical != FieldType.DATE;
        if (histogram != null && !key && repeats && codes && !histogram.detail().isEmpty()
                && histogram.detail().size() <= MAX_ALLOWED_VALUES
                && histogram.detail().stream().noneMatch(b -> b.value().equals(Histogram.OTHER))) {
            check(y, ids, base + "-allowed-values", "warning", "contained-in", column,
                    histogram.detail().size() + " distinct values observed; move them to a reference file if the list grows");
            y.append("    values:\n");
            histogram.detail().stream().map(Metric.Bucket::value).sorted()
                    .forEach(v -> y.append("      - ").append(q(v)).append('\n'));
            y.append("    assert: \"== 1.0\"\n");
        }
    }

    private static void check(StringBuilder y, Set<String> ids, String id, String severity, String metric, String column,
            String comment) {
        String unique = id;
        for (int i = 2; !ids.add(unique); i++) {
            unique = id + "-" + i;
        }
        y.append("  - id: ").append(q(unique)).append("    # ").append(oneLine(comment)).append('\n');
        y.append("    severity: ").append(severity).append('\n');
        y.append("    metric: ").append(metric).append('\n');
        if (column != null) {
            y.append("    column: ").append(q(column)).append('\n');
        }
    }

    private static double value(Map<String, Metric> m, String name) {
        Metric metric = m.get(name);
        return metric == null ? Double.NaN : metric.value();
    }

    private static String round(double v) {
        return Assertion.format(Math.round(v * 10000) / 10000.0);
    }

    private static String slug(String column) {
        String s = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "column" : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

    /** A YAML double-quoted scalar: always quoted, so values like NO, 01 or yes stay text. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

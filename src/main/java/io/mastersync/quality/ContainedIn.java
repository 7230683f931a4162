package io.mastersync.quality;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Share of present values found in a reference set (referential integrity: every country a known
 * code, every group an existing group). {@code NaN} when there is no present value. The set may be
 * read from the first column of a CSV file. Equal when column and allowed values are equal.
 */
public final class ContainedIn implements Analyzer<CountState>, RowLevel {

    private final String column;
    private final String reference;
    private final Set<String> allowed;

    /**
     * @param reference a label for reports (e.g. the file name), may be null
     * @param allowed   the allowed values, compared with {@link Values#key} of each value
     */
    public ContainedIn(String column, String reference, Collection<String> allowed) {
        this.column = Objects.requireNonNull(column, "column");
        this.reference = reference;
        this.allowed = Set.copyOf(new LinkedHashSet<>(allowed));
    }

    /**
     * Reads the allowed values from the first column of a UTF-8 CSV file: blank values and lines
     * starting with {@code #} are skipped, values are trimmed, and the first row is skipped when
     * {@code header} is true.
     */
    public static Set<String> readReference(Path csv, boolean header) throws IOException {
        Set<String> values = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get();
            boolean first = true;
            for (CSVRecord record : format.parse(reader)) {
                String value = record.get(0);
                if (first && value.startsWith("\uFEFF")) {
                    value = value.substring(1);
                }
                boolean skip = first && header;
                first = false;
                if (!skip && !value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    @Override
    public String column() {
        return column;
    }

    public String reference() {
        return reference;
    }

    public Set<String> allowed() {
        return allowed;
    }

    @Override
    public String metricName() {
        return "contained-in";
    }

    @Override
    public CountState initial() {
        return new CountState();
    }

    @Override
    public CountState update(CountState state, Object value) {
        return Values.isMissing(value) ? state : state.add(allowed.contains(Values.key(value)));
    }

    @Override
    public boolean violates(Object value) {
        return !Values.isMissing(value) && !allowed.contains(Values.key(value));
    }

    @Override
    public Metric metric(String dataset, CountState state) {
        return metric(dataset, state.ratio());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainedIn c && c.column.equals(column) && c.allowed.equals(allowed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, allowed);
    }

    @Override
    public String toString() {
        return "ContainedIn[" + column + " in " + (reference == null ? allowed.size() + " values" : reference) + "]";
    }
}

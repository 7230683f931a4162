package io.mastersync.source;

import java.util.List;

/**
 * One record as read from a legacy source: values by source column, its lineage, and any defects
 * found while reading it. Immutable; the value array is not copied, so readers hand out a new one per row.
 *
 * @param layout   the source's column names, shared by all rows of one file
 * @param values   one value per layout column; null where the source had no value (missing trailing
 *                 column, SQL NULL)
 * @param lineage  where the row came from
 * @param problems defects found while reading; empty for a clean row
 */
public record SourceRow(ColumnLayout layout, String[] values, RowLineage lineage, List<RowProblem> problems) {

    /** The value of a source column, or null when absent. Throws if the layout has no such column. */
    public String value(String column) {
        int index = layout.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + lineage.origin());
        }
        return index < values.length ? values[index] : null;
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
